import { eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import {
  idempotencyKeys,
  jobs,
  loginCodes,
  outbox,
  passwordResets,
  rateLimits,
  refreshTokens,
  sessions,
} from '@/db/schema';
import { DAY, MINUTE } from '@/server/core/clock';
import { scheduleRecurringJobs } from '@/server/jobs/recurring';
import { runDueJobs } from '@/server/jobs/run-due-jobs';
import { SWEEP_BATCH, sweepExpiredRows } from '@/server/jobs/sweep-expired-rows';
import { refreshSession } from '@/server/modules/auth/services/refresh-session';
import { apiTokens } from '../helpers/identity';
import { expectRefused } from '../helpers/refusals';
import { contextOf, createUser, testMeta, testRuntime } from '../helpers/runtime';

const rt = testRuntime();

const at = (offsetMs: number) => new Date(rt.clock.now().getTime() + offsetMs);

async function session(userId: string, values: { expiresAt: Date; revokedAt?: Date }) {
  const [row] = await rt.db
    .insert(sessions)
    .values({ userId, channel: 'api', createdAt: at(-DAY), ...values })
    .returning();
  return row!.id;
}

describe('the sweep', () => {
  it('deletes expired sessions and those revoked more than a week ago, and keeps the rest', async () => {
    const user = await createUser(rt);
    const expired = await session(user.id, { expiresAt: at(-1) });
    const live = await session(user.id, { expiresAt: at(DAY) });
    const revokedLongAgo = await session(user.id, { expiresAt: at(DAY), revokedAt: at(-8 * DAY) });
    const revokedYesterday = await session(user.id, { expiresAt: at(DAY), revokedAt: at(-DAY) });
    await sweepExpiredRows(rt);
    const left = await rt.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id));
    expect(left.map((s) => s.id).sort()).toEqual([live, revokedYesterday].sort());
    expect([expired, revokedLongAgo].some((id) => left.some((s) => s.id === id))).toBe(false);
  });

  it('keeps a spent refresh token until it expires, so its reuse still ends the session', async () => {
    const user = await createUser(rt);
    const pair = await apiTokens(rt, { email: user.email, secret: user.password });
    const ctx = contextOf(rt, testMeta());
    await refreshSession(ctx, pair.refreshToken);
    rt.clock.advance(DAY);
    await sweepExpiredRows(rt);
    await expectRefused(refreshSession(ctx, pair.refreshToken), 'TOKEN_REUSED');
  });

  it('deletes refresh tokens once expired, spent or not', async () => {
    const user = await createUser(rt);
    const sessionId = await session(user.id, { expiresAt: at(DAY) });
    const rows = [
      { tokenHash: `expired-${uuidv7()}`, sessionId, expiresAt: at(-1), spentAt: at(-DAY) },
      { tokenHash: `expired-unspent-${uuidv7()}`, sessionId, expiresAt: at(-1) },
      { tokenHash: `live-${uuidv7()}`, sessionId, expiresAt: at(DAY), spentAt: at(-1) },
    ];
    await rt.db.insert(refreshTokens).values(rows);
    await sweepExpiredRows(rt);
    const left = await rt.db
      .select({ hash: refreshTokens.tokenHash })
      .from(refreshTokens)
      .where(eq(refreshTokens.sessionId, sessionId));
    expect(left.map((r) => r.hash)).toEqual([rows[2]!.tokenHash]);
  });

  it('deletes a rate-limit row only once its window and the longest delay since its last failure have passed', async () => {
    const key = (name: string) => `sweep-test:${name}:${uuidv7()}`;
    const rows = {
      dead: { key: key('dead'), count: 3, windowStart: at(-16 * MINUTE), lastAt: at(-6 * MINUTE) },
      delaying: { key: key('delaying'), count: 9, windowStart: at(-16 * MINUTE), lastAt: at(-2 * MINUTE) },
      counting: { key: key('counting'), count: 1, windowStart: at(-MINUTE), lastAt: at(-MINUTE) },
    };
    await rt.db.insert(rateLimits).values(Object.values(rows));
    await sweepExpiredRows(rt);
    const left = await rt.db
      .select({ key: rateLimits.key })
      .from(rateLimits)
      .where(
        inArray(
          rateLimits.key,
          Object.values(rows).map((r) => r.key),
        ),
      );
    expect(left.map((r) => r.key).sort()).toEqual([rows.delaying.key, rows.counting.key].sort());
  });

  it(`deletes more expired rows than one batch of ${SWEEP_BATCH} in one run`, async () => {
    const prefix = `sweep-batch:${uuidv7()}`;
    const values = Array.from({ length: SWEEP_BATCH * 2 + 7 }, (_, n) => ({
      key: `${prefix}:${n}`,
      count: 1,
      windowStart: at(-DAY),
      lastAt: at(-DAY),
    }));
    await rt.db.insert(rateLimits).values(values);
    const counts = await sweepExpiredRows(rt);
    expect(counts.rateLimits).toBeGreaterThanOrEqual(values.length);
    const left = await rt.db.select({ key: rateLimits.key }).from(rateLimits);
    expect(left.filter((r) => r.key.startsWith(prefix))).toEqual([]);
  });

  it('deletes expired idempotency records and keeps live ones', async () => {
    const expired = `sweep-${uuidv7()}`;
    const live = `sweep-${uuidv7()}`;
    await rt.db.insert(idempotencyKeys).values([
      { scopeHash: expired, bodyHash: 'x', state: 'done', status: 200, body: {}, expiresAt: at(-1) },
      { scopeHash: live, bodyHash: 'x', state: 'done', status: 200, body: {}, expiresAt: at(DAY) },
    ]);
    await sweepExpiredRows(rt);
    const left = await rt.db
      .select({ key: idempotencyKeys.scopeHash })
      .from(idempotencyKeys)
      .where(inArray(idempotencyKeys.scopeHash, [expired, live]));
    expect(left.map((r) => r.key)).toEqual([live]);
  });

  it('deletes expired login codes and password resets and keeps live ones', async () => {
    const [gone, kept] = [await createUser(rt), await createUser(rt)];
    for (const [user, expiresAt] of [
      [gone, at(-1)],
      [kept, at(MINUTE)],
    ] as const) {
      await rt.db.insert(loginCodes).values({ userId: user.id, codeHmac: 'h', expiresAt });
      await rt.db.insert(passwordResets).values({ userId: user.id, tokenHash: `t-${uuidv7()}`, expiresAt });
    }
    await sweepExpiredRows(rt);
    const ids = [gone.id, kept.id];
    const codes = await rt.db.select().from(loginCodes).where(inArray(loginCodes.userId, ids));
    const resets = await rt.db.select().from(passwordResets).where(inArray(passwordResets.userId, ids));
    expect(codes.map((r) => r.userId)).toEqual([kept.id]);
    expect(resets.map((r) => r.userId)).toEqual([kept.id]);
  });

  it('deletes mail older than 30 days and keeps younger mail', async () => {
    const to = `sweep-${uuidv7()}@example.com`;
    const old = { id: uuidv7(), to, kind: 'test', status: 'sent' as const, createdAt: at(-31 * DAY) };
    const young = { id: uuidv7(), to, kind: 'test', status: 'sent' as const, createdAt: at(-29 * DAY) };
    await rt.db.insert(outbox).values([old, young]);
    await sweepExpiredRows(rt);
    const left = await rt.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.to, to));
    expect(left.map((r) => r.id)).toEqual([young.id]);
  });

  it('deletes finished jobs after a week and keeps younger and unfinished ones', async () => {
    const job = (status: 'pending' | 'done' | 'failed', finishedAgo?: number) => ({
      id: uuidv7(),
      kind: 'test.sweep',
      status,
      runAt: at(-10 * DAY),
      createdAt: at(-10 * DAY),
      finishedAt: finishedAgo === undefined ? null : at(-finishedAgo),
    });
    const rows = [job('done', 8 * DAY), job('failed', 8 * DAY), job('done', 6 * DAY), job('pending')];
    await rt.db.insert(jobs).values(rows);
    await sweepExpiredRows(rt);
    const left = await rt.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        inArray(
          jobs.id,
          rows.map((r) => r.id),
        ),
      );
    expect(left.map((r) => r.id).sort()).toEqual([rows[2]!.id, rows[3]!.id].sort());
  });

  it('runs as the recurring maintenance.sweep job of the runner', async () => {
    const user = await createUser(rt);
    await rt.db.insert(loginCodes).values({ userId: user.id, codeHmac: 'h', expiresAt: at(-1) });
    await scheduleRecurringJobs(rt);
    rt.clock.advance(5 * MINUTE);
    await runDueJobs(rt);
    expect(await rt.db.select().from(loginCodes).where(eq(loginCodes.userId, user.id))).toEqual([]);
    const [sweep] = await rt.db.select().from(jobs).where(eq(jobs.kind, 'maintenance.sweep'));
    expect(sweep).toMatchObject({ status: 'pending', lastError: null });
    expect(sweep!.runAt.getTime()).toBeGreaterThan(rt.clock.now().getTime());
  });
});
