// CI check of the packaged app without downloading anything: `electron-builder --dir` with a
// stand-in Electron distribution, then a look inside app.asar: the native module unpacked, no
// tests, no TypeScript sources, no dev dependencies. Prints the sizes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const asar = require('@electron/asar');
const pkg = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(path.join(root, 'package.json'), 'utf8')));

const standIn = mkdtempSync(path.join(os.tmpdir(), 'reviewdesk-electron-dist-'));
writeFileSync(path.join(standIn, 'electron'), '#!/bin/sh\necho stand-in electron\n');
chmodSync(path.join(standIn, 'electron'), 0o755);
mkdirSync(path.join(standIn, 'resources'));
writeFileSync(path.join(standIn, 'version'), pkg.devDependencies.electron.replace(/^[^\d]*/, ''));
const output = mkdtempSync(path.join(os.tmpdir(), 'reviewdesk-release-'));

const builder = path.join(root, 'node_modules', '.bin', 'electron-builder');
const result = spawnSync(builder, ['--dir', '--linux', '--x64', `-c.electronDist=${standIn}`, `-c.directories.output=${output}`, `-c.electronVersion=${pkg.devDependencies.electron.replace(/^[^\d]*/, '')}`], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
});
if (result.status !== 0) {
  console.error(result.stdout, result.stderr);
  process.exit(1);
}
const resources = path.join(output, 'linux-unpacked', 'resources');
const archive = path.join(resources, 'app.asar');
const files = asar.listPackage(archive, { isPack: false });
const problems = [];
const devDependencies = Object.keys(pkg.devDependencies);
for (const file of files) {
  if (/^\/(test|electron|shared|renderer\/src|scripts)\//.test(file)) problems.push(`source or test inside the asar: ${file}`);
  if (/\.tsx?$/.test(file) && !file.endsWith('.d.ts')) problems.push(`TypeScript source inside the asar: ${file}`);
  const match = /^\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (match && devDependencies.includes(match[1])) problems.push(`dev dependency inside the asar: ${match[1]}`);
}
const unpacked = path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3');
const native = existsSync(unpacked) ? walk(unpacked).filter((file) => file.endsWith('.node')) : [];
if (native.length === 0) problems.push('better-sqlite3 has no unpacked .node binary');
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}
const size = (file) => statSync(file).size;
const unpackedSize = walk(path.join(resources, 'app.asar.unpacked')).reduce((sum, file) => sum + size(file), 0);
const report = {
  ok: problems.length === 0,
  asarBytes: size(archive),
  unpackedBytes: unpackedSize,
  files: files.length,
  nativeModules: native.map((file) => path.relative(resources, file)),
  problems,
};
console.log(JSON.stringify(report, null, 2));
rmSync(standIn, { recursive: true, force: true });
rmSync(output, { recursive: true, force: true });
process.exit(report.ok ? 0 : 1);
