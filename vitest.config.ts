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
    // On PGlite each file's database runs inside its worker, so workers beyond the cores only
    // contend (vitest's default). On PostgreSQL a worker mostly waits for the server: more files
    // at once keep both busy (measured on 2 busy cores: 3m39s with the default, 3m12s with 4).
    ...(process.env.DATABASE_URL ? { maxWorkers: Number(process.env.TEST_PG_WORKERS ?? 4) } : {}),
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
