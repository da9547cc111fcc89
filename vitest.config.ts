import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside Next's react-server bundle; tests run server code on purpose.
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
    tags: [
      {
        name: 'race',
        description: 'concurrency tests (raceTest): they race on PostgreSQL and are serialised on PGlite',
      },
    ],
    reporters: ['default', './tests/helpers/race-reporter.ts'],
  },
});
