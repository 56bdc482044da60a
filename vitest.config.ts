import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'shared/**/*.test.ts', 'electron/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Browser tests poll the UI; on a loaded 2-core machine a save or a render can take seconds.
    expect: { poll: { timeout: 15_000, interval: 50 } },
  },
});
