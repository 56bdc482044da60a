// Finds a Chromium-family browser: for printing reports to PDF (playwright-core) and for opening
// the web host in an app window (`--app=URL`).
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

const CANDIDATES: Record<string, string[]> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/opt/apps/cn.google.chrome/files/chrome'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
  win32: [
    path.join(process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    path.join(process.env.PROGRAMFILES ?? 'C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'),
  ],
};

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.REVIEWDESK_CHROMIUM && existsSync(env.REVIEWDESK_CHROMIUM)) return env.REVIEWDESK_CHROMIUM;
  return (CANDIDATES[process.platform] ?? []).find((candidate) => existsSync(candidate));
}

export function openAppWindow(browser: string, url: string): void {
  const profile = path.join(os.tmpdir(), `reviewdesk-browser-${process.pid}`);
  const child = spawn(browser, [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--window-size=1366,768'], {
    stdio: 'ignore',
    detached: true,
  });
  child.unref();
}
