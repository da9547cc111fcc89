import { it, type TestFunction } from 'vitest';

/**
 * A test whose point is concurrency: parallel calls that must not both win. On PostgreSQL they
 * race for real; PGlite is one connection that runs one statement (and one transaction) at a time,
 * so there the same calls are serialised and the test proves only the sequential outcome. It still
 * runs on PGlite (never skipped), but its title says so, and tests/helpers/race-reporter.ts prints
 * how many race tests ran where.
 */
export const racesForReal = !!process.env.DATABASE_URL;
export const PGLITE_SUFFIX = ' (serialised on PGlite: no race)';

declare module 'vitest' {
  interface TaskMeta {
    /** Set on race tests: where the run's database let them race. */
    race?: 'postgres' | 'pglite';
  }
}

export function raceTest(name: string, fn: TestFunction, timeout?: number) {
  return it(
    racesForReal ? name : `${name}${PGLITE_SUFFIX}`,
    { tags: ['race'], meta: { race: racesForReal ? 'postgres' : 'pglite' }, timeout },
    fn,
  );
}
