// Finds a folder of `resources/` from this module (dist/cli, out/main, out/web or the sources) or
// from the working directory: the packaged or checked-out data the program ships with.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `resources/<name>` holding `marker`, or null when there is none next to the program or the working directory. */
export function findResourceDir(name: string, marker: string): string | null {
  const starts = [path.dirname(fileURLToPath(import.meta.url)), process.cwd()];
  for (const start of starts) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'resources', name);
      if (existsSync(path.join(candidate, marker))) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  return null;
}
