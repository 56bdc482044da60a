// `npm run setup`: installs everything with the Electron download skipped (it cannot happen on
// offline build machines), then tries the Electron download on its own and says plainly which
// mode `npm start` will use. Runs under any Node >= 18; the project then brings its own Node 22.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const say = (line) => console.log(`[setup] ${line}`);

say('installing dependencies (npm ci, Electron binary download skipped)…');
const install = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
});
if (install.status !== 0) {
  say('npm ci failed; see the messages above.');
  process.exit(install.status ?? 1);
}

const electronDir = path.join(root, 'node_modules', 'electron');
const electronReady = () => existsSync(path.join(electronDir, 'path.txt'));
let mode = 'desktop';
let reason = '';
if (process.env.REVIEWDESK_SKIP_ELECTRON === '1') {
  mode = 'browser';
  reason = 'REVIEWDESK_SKIP_ELECTRON=1';
} else if (!electronReady()) {
  say('trying to download the Electron binary (up to 3 minutes)…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const download = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, env, encoding: 'utf8', timeout: 180_000 });
  if (!electronReady()) {
    mode = 'browser';
    const lines = `${download.stderr ?? ''}${download.stdout ?? ''}`.trim().split('\n').filter(Boolean);
    const output = lines.find((line) => /error/i.test(line)) ?? lines.at(-1);
    reason = download.error ? download.error.message : (output?.trim() ?? `exit code ${download.status}`);
  }
}
writeFileSync(path.join(root, '.reviewdesk-setup.json'), `${JSON.stringify({ mode, reason, at: new Date().toISOString() }, null, 2)}\n`);
if (mode === 'desktop') {
  say('Electron is installed: `npm start` opens the ReviewDesk desktop app.');
} else {
  say(`Electron could not be installed (${reason}).`);
  say('`npm start` will run ReviewDesk in browser mode: a local web host on 127.0.0.1, opened in a Chromium app window when one is found.');
}
say('the command line works in both modes: `npx reviewdesk --help`.');
