// The built web host (out/web/host.mjs) as a child process, as `npm start` runs it in browser mode.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { ROOT } from '../helpers/project-root';
export { ROOT };
export const HOST_SCRIPT = path.join(ROOT, 'out/web/host.mjs');

export function builtForBrowser(): boolean {
  return existsSync(HOST_SCRIPT) && existsSync(path.join(ROOT, 'out/renderer/index.html'));
}

export interface HostProcess {
  url: string;
  origin: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

export function startHostProcess(dataDir: string): Promise<HostProcess> {
  const child = spawn(process.execPath, [HOST_SCRIPT, '--data', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 30_000);
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /REVIEWDESK_URL=(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        const url = match[1]!;
        resolve({
          url,
          origin: new URL(url).origin,
          child,
          output: () => output,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
          kill: async () => {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!/REVIEWDESK_URL=/.test(output)) reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
}
