// Runs a Node script as a child and kills it with SIGKILL at a chosen moment: after a delay
// counted from when it printed `ready` (or from its start), streaming its stdout lines meanwhile.
import { spawn } from 'node:child_process';
import { ROOT } from './project-root';

export interface KilledChild {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: string[];
  stderr: string;
  /** Whether our SIGKILL was sent (false when the child ended first). */
  killed: boolean;
}

export function runAndKill(script: string, args: string[], options: { delayMs: number; afterReady?: boolean; env?: NodeJS.ProcessEnv }): Promise<KilledChild> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let partial = '';
    let stderr = '';
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      timer = setTimeout(() => {
        killed = child.kill('SIGKILL');
      }, options.delayMs);
    };
    if (!options.afterReady) arm();
    child.stdout.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const parts = text.split('\n');
      partial = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        if (line === 'ready' && options.afterReady && timer === undefined) arm();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (partial !== '') lines.push(partial);
      resolve({ code, signal, lines, stderr, killed });
    });
  });
}
