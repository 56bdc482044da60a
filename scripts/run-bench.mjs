// `npm run bench`: bundles each benchmark in test/bench with esbuild and runs it under this Node.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'node_modules', '.cache', 'reviewdesk-bench');
mkdirSync(out, { recursive: true });

async function bundle(name) {
  const outfile = path.join(out, `${name}.mjs`);
  await build({ entryPoints: [path.join(root, 'test/bench', `${name}.ts`)], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'error' });
  return outfile;
}

const only = process.argv[2];
const benches = [
  { name: 'import-bench', children: ['import-child'] },
  { name: 'viewer-bench', children: [] },
  { name: 'merge-bench', children: [] },
  { name: 'builder-bench', children: [] },
].filter((bench) => !only || bench.name.startsWith(only));
for (const bench of benches) {
  const children = await Promise.all(bench.children.map(bundle));
  const result = spawnSync(process.execPath, [await bundle(bench.name), ...children], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
