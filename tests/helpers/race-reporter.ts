import type { Reporter, TestModule } from 'vitest/node';
import './race';

/** Closes a run with one line: how many race tests (tests/helpers/race.ts) raced, and how many could not. */
export default class RaceReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const ran = { postgres: 0, pglite: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const where = test.meta().race;
        const state = test.result().state;
        if (where && (state === 'passed' || state === 'failed')) ran[where]++;
      }
    }
    if (ran.postgres + ran.pglite === 0) return;
    const lines = [
      `Race tests: ${ran.postgres} raced on PostgreSQL, ${ran.pglite} serialised on PGlite (did not race).`,
    ];
    if (ran.pglite > 0)
      lines.push('Run them on PostgreSQL (DATABASE_URL=postgres://…) to race them; CI does.');
    process.stdout.write(`\n${lines.map((line) => ` ${line}`).join('\n')}\n`);
  }
}
