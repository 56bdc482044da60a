// `npm run schemas`: regenerates resources/schemas/ from the validators in shared/ (through the
// schema test, which otherwise fails when the committed files drift).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitest = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vitest.cmd' : 'vitest');
const result = spawnSync(vitest, ['run', 'test/unit/shared/schemas.test.ts'], { cwd: root, stdio: 'inherit', env: { ...process.env, UPDATE_SCHEMAS: '1' }, shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
