// Lint rules, above all the import boundaries of docs/architecture.md:
// shared/ imports nothing outside itself; electron/core and electron/cli never import
// `electron`; renderer/ never imports electron/*.
import tseslint from 'typescript-eslint';

const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'release/**', 'resources/public/**', 'test-results/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [
          { group: ['../../*', '!../../shared/**'], message: 'shared/ imports nothing outside shared/.' },
          { group: ['**/electron/**', '**/renderer/**', '**/test/**'], message: 'shared/ imports nothing outside shared/.' },
          { group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process'], message: 'shared/ runs anywhere: no Node built-ins.' },
        ],
      }],
    },
  },
  {
    files: ['electron/core/**', 'electron/cli/**', 'electron/web/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [
          { group: ['electron/*'], message: 'core and cli never import electron.' },
          { group: ['**/renderer', '**/renderer/**', '**/main', '**/main/**', '**/preload', '**/preload/**'], message: 'core and cli do not depend on the Electron glue or the renderer.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [
          { group: ['**/electron/**', 'electron/*'], message: 'renderer/ talks to the app only through the typed API in shared/.' },
          { group: ['node:*', 'better-sqlite3'], message: 'renderer/ runs in Chromium.' },
        ],
      }],
    },
  },
);
