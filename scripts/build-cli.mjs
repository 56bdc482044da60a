// Builds the `reviewdesk` CLI into dist/cli/reviewdesk.mjs (run by `prepare` after npm ci).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(path.join(root, 'package.json'), 'utf8')));

await build({
  entryPoints: [path.join(root, 'electron/cli/bin.ts')],
  outfile: path.join(root, 'dist/cli/reviewdesk.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  define: { 'process.env.REVIEWDESK_VERSION': JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
