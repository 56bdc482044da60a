// Where pdf.js finds its data files (CMaps, standard fonts, wasm decoders) when it runs in Node.
// pdf.js reads them with fs.readFile, so these are folder paths ending in a separator, not URLs.
import { existsSync } from 'node:fs';
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

const checked = new Set<string>();

/**
 * Throws when the folders lack the files pdf.js needs. Without CMaps pdf.js does not fail: it
 * returns empty text for non-embedded CJK fonts, which would mark Chinese documents as indexed
 * with no text. A missing folder is a broken installation, not a broken document.
 */
export function assertPdfjsAssets(assets: PdfjsAssets): void {
  const key = `${assets.cMapDir}|${assets.standardFontDir}`;
  if (checked.has(key)) return;
  for (const file of [path.join(assets.cMapDir, 'Adobe-GB1-UCS2.bcmap'), path.join(assets.cMapDir, 'GBK-EUC-H.bcmap'), path.join(assets.standardFontDir, 'FoxitSerif.pfb')]) {
    if (!existsSync(file)) throw new Error(`pdf.js data file missing: ${file}`);
  }
  checked.add(key);
}
