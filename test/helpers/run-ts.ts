// Bundles a TypeScript entry with esbuild so a test can run it in a child Node process.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';

export { ROOT } from './project-root';
import { ROOT } from './project-root';
const built = new Map<string, string>();

export async function bundleScript(entry: string): Promise<string> {
  const cached = built.get(entry);
  if (cached) return cached;
  // Inside the project, so that the external packages resolve from its node_modules.
  const outfile = path.join(ROOT, 'node_modules/.cache/reviewdesk-test', `${path.basename(entry, '.ts')}-${process.pid}.mjs`);
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'error' });
  built.set(entry, outfile);
  return outfile;
}

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runNode(script: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {}): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...options.env }, cwd: options.cwd ?? ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
