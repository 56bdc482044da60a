// The project folder, found from the working directory (tests, benchmarks and bundled test
// scripts all run from inside it; a bundle's own location says nothing).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function find(): string {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'reviewdesk') return dir;
    if (path.dirname(dir) === dir) throw new Error(`not inside the ReviewDesk project: ${process.cwd()}`);
  }
}

export const ROOT = find();
export const CORPUS = path.resolve(ROOT, '../shared/testdata/pdf-corpus');
