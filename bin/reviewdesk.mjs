#!/usr/bin/env node
// `npx reviewdesk`: runs the bundled CLI under Node >= 22.14, re-launching itself with the
// project's own Node (the `node` devDependency) when the Node on the PATH is older.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '..', 'dist', 'cli', 'reviewdesk.mjs');
const [major, minor] = process.versions.node.split('.').map(Number);

if (major < 22 || (major === 22 && minor < 14)) {
  let node;
  try {
    node = path.join(path.dirname(createRequire(import.meta.url).resolve('node/package.json')), 'bin', 'node');
  } catch {
    node = undefined;
  }
  if (node === undefined || !existsSync(node)) {
    console.error(`reviewdesk needs Node >= 22.14 (this is ${process.version}); run \`npm ci\` in the project first.`);
    process.exit(2);
  }
  const result = spawnSync(node, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
if (!existsSync(cli)) {
  console.error('reviewdesk is not built yet: run `npm run build:cli` (npm ci does it through `prepare`).');
  process.exit(2);
}
await import(cli);
