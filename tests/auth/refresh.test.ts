import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { refreshTokens, sessions } from '@/db/schema';
import { DAY, MINUTE } from '@/server/core/clock';
import { authenticateAccessToken } from '@/server/modules/auth/services/authenticate-session';
import { refreshSession } from '@/server/modules/auth/services/refresh-session';
import { apiTokens, auditRows, uniqueIp, uniqueRequestId } from '../helpers/identity';
import { raceTest } from '../helpers/race';
import { expectRefused } from '../helpers/refusals';
import { contextOf, createUser, testMeta, testRuntime } from '../helpers/runtime';

const rt = testRuntime();

const ctx = (requestId = 'refresh-test') => contextOf(rt, testMeta({ ip: uniqueIp(), requestId }));

async function signIn() {
  const user = await createUser(rt);
  return { user, tokens: await apiTokens(rt, { email: user.email, secret: user.password }) };
}

const sessionRow = async (id: string) => (await rt.db.select().from(sessions).where(eq(sessions.id, id)))[0]!;

describe('refresh token rotation', () => {
  it('issues a new working pair for the same session and spends the old refresh token', async () => {
    const { tokens } = await signIn();
    rt.clock.advance(MINUTE);
    const next = await refreshSession(ctx(), tokens.refreshToken);
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
    expect(next.accessToken).not.toBe(tokens.accessToken);
    expect((await authenticateAccessToken(rt, next.accessToken)).session.id).toBe(tokens.sessionId);

    const rows = await rt.db
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.sessionId, tokens.sessionId));
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.spentAt !== null)).toHaveLength(1);
    // only hashes are stored
    expect(rows.map((r) => r.tokenHash)).not.toContain(tokens.refreshToken);
    expect(rows.map((r) => r.tokenHash)).not.toContain(next.refreshToken);

    // the new refresh token rotates again
    const third = await refreshSession(ctx(), next.refreshToken);
    expect((await authenticateAccessToken(rt, third.accessToken)).session.id).toBe(tokens.sessionId);
  });

  it('refuses a spent refresh token with TOKEN_REUSED and ends the whole session', async () => {
    const { user, tokens } = await signIn();
    const next = await refreshSession(ctx(), tokens.refreshToken);
    const requestId = uniqueRequestId();

    await expectRefused(refreshSession(ctx(requestId), tokens.refreshToken), 'TOKEN_REUSED');

    // the pair issued by the legitimate rotation dies with the session
    await expectRefused(authenticateAccessToken(rt, next.accessToken), 'INVALID_TOKEN');
    await expectRefused(refreshSession(ctx(), next.refreshToken), 'INVALID_TOKEN');
    const row = await sessionRow(tokens.sessionId);
    expect(row.revokedReason).toBe('refresh-token-reused');
    const [event] = await auditRows(rt, { requestId });
    expect(event).toMatchObject({
      action: 'auth.refresh.reused',
      subjectUserId: user.id,
      targetId: tokens.sessionId,
    });
  });

  it('refuses an unknown or garbage refresh token with INVALID_TOKEN without touching any session', async () => {
    const { tokens } = await signIn();
    await expectRefused(refreshSession(ctx(), 'garbage'), 'INVALID_TOKEN');
    await expectRefused(refreshSession(ctx(), `${tokens.refreshToken}x`), 'INVALID_TOKEN');
    await expectRefused(refreshSession(ctx(), tokens.accessToken), 'INVALID_TOKEN');
    expect((await sessionRow(tokens.sessionId)).revokedAt).toBeNull();
    expect((await authenticateAccessToken(rt, tokens.accessToken)).session.id).toBe(tokens.sessionId);
  });

  it('refuses an expired refresh token (30 days) with INVALID_TOKEN', async () => {
    const { tokens } = await signIn();
    expect(new Date(tokens.refreshTokenExpiresAt).getTime() - rt.clock.now().getTime()).toBe(30 * DAY);
    rt.clock.advance(30 * DAY + 1000);
    await expectRefused(refreshSession(ctx(), tokens.refreshToken), 'INVALID_TOKEN');
  });

  it('keeps a refresh token valid until just before its expiry, and each rotation extends the session', async () => {
    const { tokens } = await signIn();
    rt.clock.advance(30 * DAY - MINUTE);
    const next = await refreshSession(ctx(), tokens.refreshToken);
    expect((await sessionRow(tokens.sessionId)).expiresAt.toISOString()).toBe(next.refreshTokenExpiresAt);
    rt.clock.advance(2 * MINUTE);
    expect((await authenticateAccessToken(rt, next.accessToken)).session.id).toBe(tokens.sessionId);
  });

  it('refuses the refresh token of a logged-out session with INVALID_TOKEN', async () => {
    const { tokens } = await signIn();
    await rt.db.update(sessions).set({ revokedAt: rt.clock.now() }).where(eq(sessions.id, tokens.sessionId));
    await expectRefused(refreshSession(ctx(), tokens.refreshToken), 'INVALID_TOKEN');
  });
});

describe('refresh races', () => {
  // On PostgreSQL the two transactions really overlap (the second waits on the first one's row
  // lock); on PGlite they run one after the other. Either way exactly one may win.
  raceTest('lets exactly one of two concurrent refreshes with the same token succeed', async () => {
    const { tokens } = await signIn();
    const results = await Promise.allSettled([
      refreshSession(ctx(), tokens.refreshToken),
      refreshSession(ctx(), tokens.refreshToken),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'TOKEN_REUSED' });

    // one new token was issued, never two, and the reuse ended the session
    const rows = await rt.db
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.sessionId, tokens.sessionId));
    expect(rows).toHaveLength(2);
    expect((await sessionRow(tokens.sessionId)).revokedReason).toBe('refresh-token-reused');
  });

  raceTest('lets one of many parallel refreshes win and ends the session for the rest', async () => {
    const { tokens } = await signIn();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => refreshSession(ctx(), tokens.refreshToken)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect(['TOKEN_REUSED', 'INVALID_TOKEN']).toContain((r as PromiseRejectedResult).reason.code);
    }
    const rows = await rt.db
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.sessionId, tokens.sessionId));
    expect(rows).toHaveLength(2);
  });
});
