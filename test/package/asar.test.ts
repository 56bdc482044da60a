// The packaged app, built offline by electron-builder --dir with a stand-in Electron: the native
// module is unpacked, and no tests, TypeScript sources or dev dependencies end up inside.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/project-root';

describe('electron-builder --dir', () => {
  it('packs an asar without sources, tests or dev dependencies, with better-sqlite3 unpacked', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check-package.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as { ok: boolean; problems: string[]; asarBytes: number; nativeModules: string[] };
    console.log(`app.asar ${(report.asarBytes / 1024 / 1024).toFixed(1)} MiB, native modules: ${report.nativeModules.length}`);
    expect(report.problems).toEqual([]);
    expect(report.nativeModules.some((file) => file.includes('app.asar.unpacked/node_modules/better-sqlite3') && file.endsWith('linux-x64.node'))).toBe(true);
    expect(result.status).toBe(0);
  }, 320_000);
});
