// Bundles the Node programs with esbuild: the `reviewdesk` CLI (dist/cli/, run by `prepare`) and,
// with --web, the local web host and its text-extraction worker (out/web/).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  define: { 'process.env.REVIEWDESK_VERSION': JSON.stringify(pkg.version) },
  logLevel: 'warning',
};

await build({ ...common, entryPoints: [path.join(root, 'electron/cli/bin.ts')], outfile: path.join(root, 'dist/cli/reviewdesk.mjs') });
if (process.argv.includes('--web')) {
  await build({
    ...common,
    entryPoints: { host: path.join(root, 'electron/web/main.ts'), 'indexer-worker': path.join(root, 'electron/core/search/indexer-worker.ts') },
    outdir: path.join(root, 'out/web'),
    outExtension: { '.js': '.mjs' },
  });
}
