// Where pdf.js finds its data files (CMaps, standard fonts, wasm decoders) when it runs in Node.
// pdf.js reads them with fs.readFile, so these are folder paths ending in a separator, not URLs.
import { createRequire } from 'node:module';
import path from 'node:path';

export interface PdfjsAssets {
  /** Adobe CMaps (`*.bcmap`): without them, text in non-embedded CJK fonts comes out empty. */
  cMapDir: string;
  standardFontDir: string;
  wasmDir: string;
}

function folder(dir: string): string {
  return dir.endsWith(path.sep) ? dir : dir + path.sep;
}

/** The folders shipped inside the installed pdfjs-dist package. */
export function packagedPdfjsAssets(): PdfjsAssets {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  return {
    cMapDir: folder(path.join(root, 'cmaps')),
    standardFontDir: folder(path.join(root, 'standard_fonts')),
    wasmDir: folder(path.join(root, 'wasm')),
  };
}
