import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['cases/**/*.test.ts'],
    // One line per case, natively and in the VM images alike.
    reporters: ['verbose'],
    // One process per file: descriptor counts and worker threads must not see another file's activity.
    pool: 'forks',
    isolate: true,
    // Peers are real processes (and Python); a slow VM needs room, but no case asserts on time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
