import { defineConfig } from 'vitest/config';

// `npm run fuzz`: only the fuzzer, without the bundled site the main suite builds first.
export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.test.ts'],
    testTimeout: 3_600_000,
    pool: 'forks',
  },
});
