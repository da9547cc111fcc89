import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { toProblem } from '@/server/rest/problem';
import { captureLog } from '../helpers/log-capture';
import { createUser, testRuntime } from '../helpers/runtime';

/** Issue 7 item 12: the last resort for a value only the database refuses, and what the log keeps. */
const capture = captureLog();
const rt = testRuntime({}, { log: capture.log });

const failure = async (query: Promise<unknown>) => {
  try {
    await query;
  } catch (error) {
    return error;
  }
  throw new Error('the query succeeded');
};

describe('database errors', () => {
  it('maps a data exception (SQLSTATE class 22) to 400 VALIDATION_FAILED without echoing the SQL', async () => {
    for (const value of ['0000-01-01T00:00:00Z', '2026-01-01T00:00:00+23:59', 'not-a-date']) {
      const error = await failure(rt.db.execute(sql`select ${value}::timestamptz`));
      const problem = toProblem(error, 'request-1');
      expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(JSON.stringify(problem)).not.toMatch(/select|timestamptz|0000-01-01|23:59|not-a-date/);
    }
  });

  it('keeps other database errors a 500', async () => {
    const error = await failure(rt.db.execute(sql`select * from no_such_table`));
    expect(toProblem(error, 'request-1')).toMatchObject({ status: 500, code: 'INTERNAL' });
  });

  it('logs a failed query with its text but without its parameters or the values it quotes', async () => {
    const taken = await createUser(rt);
    const duplicate = await failure(
      rt.db.insert(users).values({ email: taken.email, firstName: 'Secret-First', lastName: 'L' }),
    );
    const badValue = await failure(rt.db.execute(sql`select ${'secret-value-123'}::int`));
    rt.log.error({ err: duplicate }, 'request failed');
    rt.log.error({ err: badValue }, 'request failed');
    const [first, second] = capture
      .lines()
      .slice(-2)
      .map((line) => JSON.parse(line));
    expect(first.err.query).toMatch(/^insert into "users"/);
    expect(second.err.cause ?? second.err).toHaveProperty('code', '22P02');
    expect(capture.text()).not.toContain(taken.email);
    expect(capture.text()).not.toContain('Secret-First');
    expect(capture.text()).not.toContain('secret-value-123');
  });
});
