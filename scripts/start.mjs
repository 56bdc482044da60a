// `npm start`: the desktop app where the Electron binary is installed, else browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const hasElectron = existsSync(path.join(root, 'node_modules', 'electron', 'path.txt'));

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

if (hasElectron) {
  const child = spawn(bin('electron'), ['.'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('[start] Electron is not installed on this machine (see `npm run setup`): starting browser mode.');
  const host = path.join(root, 'out', 'web', 'host.mjs');
  const child = spawn(process.execPath, [host, '--open', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
