import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The store suites share one PostgreSQL server; keep files isolated but not racing.
    fileParallelism: true,
    pool: 'forks',
  },
});
