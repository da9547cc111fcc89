import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { sessions, users } from '@/db/schema';
import { MINUTE } from '@/server/core/clock';
import { deriveKeys } from '@/server/core/crypto';
import { authenticateAccessToken } from '@/server/modules/auth/services/authenticate-session';
import { logout, revokeOwnSession } from '@/server/modules/auth/services/manage-own-sessions';
import { refreshSession } from '@/server/modules/auth/services/refresh-session';
import { revokeSessions } from '@/server/modules/auth/services/revoke-sessions';
import { signAccessToken } from '@/server/modules/auth/tokens';
import { apiTokens } from '../helpers/identity';
import { expectRefused } from '../helpers/refusals';
import { contextOf, createUser, testMeta, testRuntime } from '../helpers/runtime';

const rt = testRuntime();

const signIn = async () => {
  const user = await createUser(rt);
  return { user, tokens: await apiTokens(rt, { email: user.email, secret: user.password }) };
};

describe('access tokens', () => {
  it('authenticates a fresh access token as its user and session', async () => {
    const { user, tokens } = await signIn();
    const actor = await authenticateAccessToken(rt, tokens.accessToken);
    expect(actor).toMatchObject({
      kind: 'user',
      userId: user.id,
      session: { id: tokens.sessionId, restricted: false, channel: 'api' },
    });
    expect(new Date(tokens.accessTokenExpiresAt).getTime() - rt.clock.now().getTime()).toBe(15 * MINUTE);
  });

  it('refuses an access token 16 minutes after it was issued with INVALID_TOKEN, while the session lives on', async () => {
    const { tokens } = await signIn();
    rt.clock.advance(16 * MINUTE);
    await expectRefused(authenticateAccessToken(rt, tokens.accessToken), 'INVALID_TOKEN');
    const renewed = await refreshSession(contextOf(rt, testMeta()), tokens.refreshToken);
    expect((await authenticateAccessToken(rt, renewed.accessToken)).session.id).toBe(tokens.sessionId);
  });

  it('refuses a token for a live session signed with another secret', async () => {
    const { tokens } = await signIn();
    const foreign = deriveKeys('another-secret-that-is-long-enough-for-hkdf');
    const forged = await signAccessToken(
      foreign,
      { sid: tokens.sessionId, restricted: false },
      rt.clock.now(),
    );
    await expectRefused(authenticateAccessToken(rt, forged.token), 'INVALID_TOKEN');
  });

  it('refuses a token whose payload was altered, an unsigned token and garbage', async () => {
    const { tokens } = await signIn();
    const [header, payload, signature] = tokens.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const altered = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 3600 })).toString('base64url');
    await expectRefused(authenticateAccessToken(rt, `${header}.${altered}.${signature}`), 'INVALID_TOKEN');

    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await expectRefused(authenticateAccessToken(rt, `${none}.${payload}.`), 'INVALID_TOKEN');
    await expectRefused(authenticateAccessToken(rt, 'not-a-token'), 'INVALID_TOKEN');
  });

  it('refuses a validly signed token for another audience or naming no session', async () => {
    const { tokens } = await signIn();
    const now = Math.floor(rt.clock.now().getTime() / 1000);
    const otherAudience = await new SignJWT({ sid: tokens.sessionId, rst: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .setAudience('someone-else')
      .sign(rt.keys.jwt);
    await expectRefused(authenticateAccessToken(rt, otherAudience), 'INVALID_TOKEN');

    const unknownSession = await signAccessToken(
      rt.keys,
      { sid: '01900000-0000-7000-8000-000000000000', restricted: false },
      rt.clock.now(),
    );
    await expectRefused(authenticateAccessToken(rt, unknownSession.token), 'INVALID_TOKEN');
    const notAnId = await signAccessToken(
      rt.keys,
      { sid: 'x; drop table users', restricted: false },
      rt.clock.now(),
    );
    await expectRefused(authenticateAccessToken(rt, notAnId.token), 'INVALID_TOKEN');
  });
});

describe('revocation is immediate', () => {
  it('ends the access and refresh tokens at once on logout', async () => {
    const { tokens } = await signIn();
    const actor = await authenticateAccessToken(rt, tokens.accessToken);
    await logout({ ...contextOf(rt, testMeta()), principal: actor });

    await expectRefused(authenticateAccessToken(rt, tokens.accessToken), 'INVALID_TOKEN');
    await expectRefused(refreshSession(contextOf(rt, testMeta()), tokens.refreshToken), 'INVALID_TOKEN');
    const [row] = await rt.db.select().from(sessions).where(eq(sessions.id, tokens.sessionId));
    expect(row!.revokedAt).not.toBeNull();
    expect(row!.revokedReason).toBe('revoked-by-user');
  });

  it('ends only the revoked session, not the other sessions of the same user', async () => {
    const { user, tokens: first } = await signIn();
    const second = await apiTokens(rt, { email: user.email, secret: user.password });
    const actor = await authenticateAccessToken(rt, second.accessToken);
    await revokeOwnSession({ ...contextOf(rt, testMeta()), principal: actor }, first.sessionId);

    await expectRefused(authenticateAccessToken(rt, first.accessToken), 'INVALID_TOKEN');
    expect((await authenticateAccessToken(rt, second.accessToken)).session.id).toBe(second.sessionId);
  });

  it('refuses the tokens of every session when all of a user\u2019s sessions are revoked', async () => {
    const { user, tokens: first } = await signIn();
    const second = await apiTokens(rt, { email: user.email, secret: user.password });
    expect(await revokeSessions(rt.db, { userId: user.id, reason: 'test', now: rt.clock.now() })).toBe(2);
    await expectRefused(authenticateAccessToken(rt, first.accessToken), 'INVALID_TOKEN');
    await expectRefused(authenticateAccessToken(rt, second.accessToken), 'INVALID_TOKEN');
  });

  it('refuses the token of a user who was disabled after signing in', async () => {
    const { user, tokens } = await signIn();
    await rt.db.update(users).set({ status: 'disabled' }).where(eq(users.id, user.id));
    await expectRefused(authenticateAccessToken(rt, tokens.accessToken), 'INVALID_TOKEN');
  });

  it('writes last-seen at most once a minute', async () => {
    const { tokens } = await signIn();
    const lastSeen = async () =>
      (await rt.db.select().from(sessions).where(eq(sessions.id, tokens.sessionId)))[0]!.lastSeenAt.getTime();
    const start = await lastSeen();
    rt.clock.advance(30_000);
    await authenticateAccessToken(rt, tokens.accessToken);
    expect(await lastSeen()).toBe(start);
    rt.clock.advance(31_000);
    await authenticateAccessToken(rt, tokens.accessToken);
    expect(await lastSeen()).toBe(rt.clock.now().getTime());
  });
});
