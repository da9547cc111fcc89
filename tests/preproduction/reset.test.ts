import { and, eq, isNull, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeys,
  auditEvents,
  invitations,
  loginCodes,
  outbox,
  passwordResets,
  recoveryCodes,
  refreshTokens,
  sessions,
  tfaMethods,
  users,
} from '@/db/schema';
import { loadSessionPrincipal } from '@/server/modules/auth/services/authenticate-session';
import { refreshSession } from '@/server/modules/auth/services/refresh-session';
import { deliverOutbox, type MailTransport } from '@/server/modules/mail/services/deliver-outbox';
import { enqueueEmail } from '@/server/modules/mail/services/enqueue-email';
import { readMailDelivery } from '@/server/modules/mail/services/mail-delivery';
import { emails } from '@/server/modules/mail/templates';
import { callerAs } from '../helpers/callers';
import { startTestServer } from '../helpers/http';
import { apiLogin, uniqueIp } from '../helpers/identity';
import { expectRefused } from '../helpers/refusals';
import { contextOf, STRONG_PASSWORD, testRuntime } from '../helpers/runtime';
import { type ProductionCopy, seedProductionCopy } from './fixtures';

/** Issue 11 item 4 (#43): the reset of a preproduction copy, on a seeded database. */
const TEMPORARY = 'temporary-password';
const rt = testRuntime({ APP_ENV: 'preproduction' });
let copy: ProductionCopy;
let server: Awaited<ReturnType<typeof startTestServer>>;
let summary: Awaited<ReturnType<ReturnType<typeof callerAs>['admin']['preproduction']['reset']>>;

const recordingTransport = () => {
  const sent: Parameters<MailTransport['send']>[0][] = [];
  return { sent, send: async (message: (typeof sent)[number]) => void sent.push(message) };
};

beforeAll(async () => {
  copy = await seedProductionCopy(rt);
  server = await startTestServer(rt);
  summary = await callerAs(rt, copy.callerCtx, {
    requestId: 'preproduction-reset',
  }).admin.preproduction.reset({
    password: TEMPORARY,
  });
});
afterAll(async () => {
  await server.close();
});

const userRow = async (id: string) => (await rt.db.select().from(users).where(eq(users.id, id)))[0]!;

describe('preproduction reset: what it changed', () => {
  it('answers a count of each kind, every one as seeded', () => {
    expect(summary).toEqual(copy.expected);
  });

  it('gives every user the same temporary password, to be changed at the next sign-in', async () => {
    const rows = await rt.db.select().from(users);
    expect(rows).toHaveLength(copy.expected.users);
    expect(new Set(rows.map((u) => u.passwordHash)).size).toBe(1);
    expect(rows.every((u) => u.passwordChangeRequired)).toBe(true);
    expect(await rt.hasher.verify(rows[0]!.passwordHash!, TEMPORARY)).toBe(true);
  });

  it("rewrites every email but the caller's to user-<id>@preproduction.invalid", async () => {
    expect((await userRow(copy.caller.id)).email).toBe(copy.caller.email);
    for (const user of copy.others)
      expect((await userRow(user.id)).email).toBe(`user-${user.id}@preproduction.invalid`);
  });

  it("ends every session and refresh token but the caller's current session", async () => {
    const live = await rt.db.select({ id: sessions.id }).from(sessions).where(isNull(sessions.revokedAt));
    expect(live.map((s) => s.id)).toEqual([copy.callerTokens.sessionId]);
    const unspent = await rt.db
      .select({ sessionId: refreshTokens.sessionId })
      .from(refreshTokens)
      .where(isNull(refreshTokens.spentAt));
    expect(unspent.map((t) => t.sessionId)).toEqual([copy.callerTokens.sessionId]);
    const revoked = await rt.db
      .select()
      .from(sessions)
      .where(eq(sessions.revokedReason, 'preproduction-reset'));
    expect(revoked).toHaveLength(copy.expected.sessionsRevoked);
  });

  it('revokes every API key and keeps the rows', async () => {
    const rows = await rt.db.select().from(apiKeys);
    expect(rows).toHaveLength(3);
    expect(rows.every((k) => k.revokedAt !== null)).toBe(true);
    const byReset = rows.filter((k) => k.revokedBy === copy.caller.id);
    expect(byReset.map((k) => k.id).sort()).toEqual(copy.keys.map((k) => k.keyId).sort());
  });

  it('removes every TFA method and recovery code, login code and reset link; invitation links die', async () => {
    expect(await rt.db.select().from(tfaMethods)).toEqual([]);
    expect(await rt.db.select().from(recoveryCodes)).toEqual([]);
    expect(await rt.db.select().from(loginCodes)).toEqual([]);
    expect(await rt.db.select().from(passwordResets)).toEqual([]);
    const invites = await rt.db.select().from(invitations);
    expect(invites).toHaveLength(2);
    expect(invites.every((i) => i.expiresAt <= rt.clock.now())).toBe(true);
  });

  it('writes the audit event with the counts, by the caller', async () => {
    const [event] = await rt.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'preproduction.reset'));
    expect(event).toMatchObject({
      actorUserId: copy.caller.id,
      requestId: 'preproduction-reset',
      targetType: 'platform',
      data: copy.expected,
    });
  });

  it('holds mail: queued mail and mail queued afterwards never reach the transport', async () => {
    expect(await readMailDelivery(rt.db)).toBe('outbox');
    await enqueueEmail(rt.db, rt, copy.caller.email, emails.passwordChanged('changed'), rt.clock.now());
    const transport = recordingTransport();
    expect(await deliverOutbox(rt, transport)).toBe(0);
    expect(transport.sent).toEqual([]);
    const pending = await rt.db.select().from(outbox).where(eq(outbox.status, 'pending'));
    expect(pending).toHaveLength(3);
    expect(pending.every((row) => row.sealed !== null && row.attempts === 0)).toBe(true);
  });

  it('shows the reset on the status: outbox delivery, the last reset by the caller', async () => {
    const status = await callerAs(rt, copy.callerCtx).admin.preproduction.status();
    expect(status).toMatchObject({
      environment: 'preproduction',
      resetAvailable: true,
      mailDelivery: 'outbox',
      lastReset: { by: { _id: copy.caller.id, email: copy.caller.email }, summary: copy.expected },
    });
  });
});

describe('preproduction reset: signing in afterwards', () => {
  it("keeps the caller's current session and its refresh token working", async () => {
    expect(await loadSessionPrincipal(rt, copy.callerTokens.sessionId)).not.toBeNull();
    const pair = await refreshSession(contextOf(rt), copy.callerTokens.refreshToken);
    expect(pair.accessToken).toBeTruthy();
    const me = await server.request('GET', '/auth/me', { token: pair.accessToken });
    expect(me.status).toBe(200);
  });

  it("ends the caller's other session and the others' tokens at once", async () => {
    expect(await loadSessionPrincipal(rt, copy.callerOther.sessionId)).toBeNull();
    const me = await server.request('GET', '/auth/me', { token: copy.a1Tokens.accessToken });
    expect(me.status).toBe(401);
    await expectRefused(refreshSession(contextOf(rt), copy.a1Tokens.refreshToken), 'INVALID_TOKEN');
  });

  it('lets the caller sign in with the temporary password, without the removed second factor', async () => {
    const result = await apiLogin(rt, { email: copy.caller.email, secret: TEMPORARY }, uniqueIp());
    expect(result.kind).toBe('password_change_required');
  });

  it('makes another user change the temporary password at sign-in, then signs in with the new one', async () => {
    const email = `user-${copy.a1.id}@preproduction.invalid`;
    const first = await server.request('POST', '/auth/login', {
      body: { email, secret: TEMPORARY },
    });
    expect(first.status).toBe(403);
    expect(first.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const restrictedToken = first.body.restrictedToken as string;
    const changed = await server.request('POST', '/auth/password', {
      token: restrictedToken,
      body: { password: 'a new password of mine', oldPassword: TEMPORARY },
    });
    expect(changed.status).toBe(204);
    const again = await server.request('POST', '/auth/login', {
      body: { email, secret: 'a new password of mine' },
    });
    expect(again.status).toBe(200);
  });

  it('refuses the old passwords and the old emails', async () => {
    const b1 = `user-${copy.b1.id}@preproduction.invalid`;
    await expectRefused(
      apiLogin(rt, { email: b1, secret: STRONG_PASSWORD }, uniqueIp()),
      'INVALID_CREDENTIALS',
    );
    await expectRefused(
      apiLogin(rt, { email: copy.b1.email, secret: TEMPORARY }, uniqueIp()),
      'INVALID_CREDENTIALS',
    );
  });

  it('refuses the revoked API keys', async () => {
    const res = await server.request('POST', '/organization-profiles/get', {
      body: { profileId: copy.profileA.id },
      headers: { 'client-id': copy.keys[0]!.clientId, 'client-key': copy.keys[0]!.clientKey },
    });
    expect(res.status).toBe(401);
  });

  it('a second reset changes only what was made since: the counts say so', async () => {
    const { callerTokens } = copy;
    const made = await rt.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(isNull(sessions.revokedAt), ne(sessions.id, callerTokens.sessionId)));
    // the sign-ins above: the caller's restricted one and a1's (its restricted one ended with the change)
    expect(made).toHaveLength(2);
    const again = await callerAs(rt, copy.callerCtx).admin.preproduction.reset({ password: TEMPORARY });
    expect(again).toEqual({
      ...copy.expected,
      emailsRewritten: 0,
      sessionsRevoked: made.length,
      // a1's sign-in with the new password got a refresh token
      refreshTokensRevoked: 1,
      apiKeysRevoked: 0,
      tfaMethodsRemoved: 0,
      recoveryCodesRemoved: 0,
      loginCodesRevoked: 0,
      passwordResetsRevoked: 0,
      invitationsRevoked: 0,
      // the three held before, and the password-changed notice of a1's change (to its .invalid address)
      mailHeld: 4,
    });
    expect((await userRow(copy.a1.id)).passwordChangeRequired).toBe(true);
  });
});
