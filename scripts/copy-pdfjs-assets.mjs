// Copies the pdf.js data files the viewer loads at run time (CMaps for CJK text with
// non-embedded fonts, standard fonts, wasm image decoders, ICC profiles) from pdfjs-dist into
// resources/public/pdfjs/, which the renderer build serves as ./pdfjs/. Everything stays local:
// the app never fetches these from a CDN.
//
// Idempotent and fast when up to date: a file is copied only when its size or modification time
// differs from the source; files that no longer exist in pdfjs-dist are removed.
import { createRequire } from 'node:module';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIRECTORIES = ['cmaps', 'standard_fonts', 'wasm', 'iccs'];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));
const target = join(root, 'resources', 'public', 'pdfjs');

/** Mirrors `from` into `to` (one level: pdf.js data folders are flat). Returns files copied. */
function mirror(from, to) {
  mkdirSync(to, { recursive: true });
  const sources = new Set();
  let copied = 0;
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    sources.add(entry.name);
    const src = join(from, entry.name);
    const dst = join(to, entry.name);
    const srcStat = statSync(src);
    const dstStat = statSync(dst, { throwIfNoEntry: false });
    if (dstStat && dstStat.size === srcStat.size && Math.abs(dstStat.mtimeMs - srcStat.mtimeMs) < 2) continue;
    copyFileSync(src, dst);
    utimesSync(dst, srcStat.atime, srcStat.mtime); // compared with a 2 ms tolerance (float times)
    copied += 1;
  }
  for (const entry of readdirSync(to, { withFileTypes: true })) {
    if (!sources.has(entry.name)) rmSync(join(to, entry.name), { recursive: true, force: true });
  }
  return copied;
}

const started = performance.now();
let total = 0;
for (const directory of DIRECTORIES) {
  total += mirror(join(pdfjsRoot, directory), join(target, directory));
}
const ms = Math.round(performance.now() - started);
console.log(total === 0
  ? `pdf.js assets up to date in ${target} (${ms} ms)`
  : `pdf.js assets: copied ${total} file(s) to ${target} (${ms} ms)`);
