// The import boundaries of the architecture are enforced by lint; this proves the rules bite.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('import boundaries', () => {
  it.each([
    ['shared/x.ts', "import { readFile } from 'node:fs';"],
    ['shared/x.ts', "import { a } from '../electron/core/rejection';"],
    ['shared/round/x.ts', "import { a } from '../../renderer/src/App';"],
    ['electron/core/x.ts', "import { app } from 'electron';"],
    ['electron/cli/x.ts', "import { app } from 'electron';"],
    ['electron/core/store/x.ts', "import { a } from '../../main/index';"],
    ['renderer/src/x.ts', "import { a } from '../../electron/core/rejection';"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const used = a;`.replace('a;', 'a as unknown;'))).not.toEqual([]);
  });

  it.each([
    ['shared/x.ts', "import { z } from 'zod';"],
    ['electron/core/x.ts', "import { a } from '../../shared/problem';"],
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['renderer/src/x.ts', "import { a } from '../../shared/problem';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
