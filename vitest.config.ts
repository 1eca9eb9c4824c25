import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default leaves a core idle (one worker on two cores); the suite's files wait on browsers and child processes often enough to share both.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ['test/support/bundled-setup.ts'],
  },
});
