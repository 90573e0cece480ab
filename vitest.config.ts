import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // jieba's dictionary and the corpus are loaded once per worker: two workers on two cores
    pool: 'forks',
    maxWorkers: 2,
  },
});
