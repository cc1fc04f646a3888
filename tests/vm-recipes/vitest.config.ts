import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['verbose'],
    // The rehearsal installs and builds a copy of the checkout six times: one file at a time on a 2-core machine.
    fileParallelism: false,
    testTimeout: 900_000,
  },
});
