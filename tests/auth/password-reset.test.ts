import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outbox, passwordResets, sessions } from '@/db/schema';
import { MINUTE } from '@/server/core/clock';
import { runDueJobs } from '@/server/jobs/run-due-jobs';
import { completePasswordReset, requestPasswordReset } from '@/server/modules/auth/services/reset-password';
import {
  apiLogin,
  apiTokens,
  auditRows,
  emailsTo,
  enableTotp,
  latestEmail,
  totpAt,
  uniqueIp,
} from '../helpers/identity';
import { raceTest } from '../helpers/race';
import { expectRefused } from '../helpers/refusals';
import { contextOf, createUser, testMeta, testRuntime, uniqueEmail, userById } from '../helpers/runtime';

const rt = testRuntime();

const NEW_PASSWORD = 'a fresh reset passphrase 99';
const ctx = () => contextOf(rt, testMeta({ ip: uniqueIp() }));

/** Asks for a reset and reads the token from the link in the outbox row. */
async function requestToken(email: string) {
  expect(await requestPasswordReset(ctx(), { email })).toEqual({ status: 'sent' });
  const mail = await latestEmail(rt, email, 'password-reset');
  const link = /(https?:\/\/\S+)/.exec(mail.text)![1]!;
  expect(link.startsWith(`${rt.config.appUrl}/reset-password?token=`)).toBe(true);
  return new URL(link).searchParams.get('token')!;
}

describe('requesting a password reset', () => {
  it('answers an unknown email the same way and sends no mail', async () => {
    const [before] = await rt.db.select({ n: count() }).from(outbox);
    expect(await requestPasswordReset(ctx(), { email: uniqueEmail('ghost') })).toEqual({ status: 'sent' });
    await runDueJobs(rt);
    const [after] = await rt.db.select({ n: count() }).from(outbox);
    expect(after!.n).toBe(before!.n);
  });

  it('emails a link and stores only the hash of its token', async () => {
    const user = await createUser(rt);
    const token = await requestToken(user.email);
    const [row] = await rt.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(row!.tokenHash).not.toBe(token);
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await auditRows(rt, { subjectUserId: user.id })).map((e) => e.action)).toContain(
      'auth.password.reset.requested',
    );
  });
});

describe('completing a password reset', () => {
  it('sets the new password, ends every session and sends a security email', async () => {
    const user = await createUser(rt);
    const a = await apiTokens(rt, { email: user.email, secret: user.password });
    const b = await apiTokens(rt, { email: user.email, secret: user.password });
    const token = await requestToken(user.email);

    await completePasswordReset(ctx(), { token, password: NEW_PASSWORD });

    const rows = await rt.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows.map((s) => s.id).sort()).toEqual([a.sessionId, b.sessionId].sort());
    for (const row of rows) expect(row.revokedReason).toBe('password-reset');
    await expectRefused(apiLogin(rt, { email: user.email, secret: user.password }), 'INVALID_CREDENTIALS');
    expect((await apiLogin(rt, { email: user.email, secret: NEW_PASSWORD })).kind).toBe('ok');
    expect(await emailsTo(rt, user.email, 'security-password')).toHaveLength(1);
    expect((await auditRows(rt, { subjectUserId: user.id })).map((e) => e.action)).toContain(
      'auth.password.reset.completed',
    );
  });

  it('accepts a token only once', async () => {
    const user = await createUser(rt);
    const token = await requestToken(user.email);
    await completePasswordReset(ctx(), { token, password: NEW_PASSWORD });
    await expectRefused(
      completePasswordReset(ctx(), { token, password: 'yet another passphrase 1' }),
      'LINK_INVALID',
    );
    expect((await apiLogin(rt, { email: user.email, secret: NEW_PASSWORD })).kind).toBe('ok');
  });

  it('accepts a token for an hour and refuses it afterwards', async () => {
    const early = await createUser(rt);
    const earlyToken = await requestToken(early.email);
    rt.clock.advance(60 * MINUTE - 1000);
    await completePasswordReset(ctx(), { token: earlyToken, password: NEW_PASSWORD });

    const late = await createUser(rt);
    const lateToken = await requestToken(late.email);
    rt.clock.advance(60 * MINUTE);
    await expectRefused(
      completePasswordReset(ctx(), { token: lateToken, password: NEW_PASSWORD }),
      'LINK_INVALID',
    );
    expect((await apiLogin(rt, { email: late.email, secret: late.password })).kind).toBe('ok');
  });

  it('kills the older link when a newer one is requested', async () => {
    const user = await createUser(rt);
    const older = await requestToken(user.email);
    const newer = await requestToken(user.email);
    await expectRefused(
      completePasswordReset(ctx(), { token: older, password: NEW_PASSWORD }),
      'LINK_INVALID',
    );
    await completePasswordReset(ctx(), { token: newer, password: NEW_PASSWORD });
  });

  raceTest('lets exactly one of several concurrent completions with the same token succeed', async () => {
    const user = await createUser(rt);
    const token = await requestToken(user.email);
    const passwords = ['first racing passphrase', 'second racing passphrase', 'third racing passphrase'];
    const results = await Promise.allSettled(
      passwords.map((password) => completePasswordReset(ctx(), { token, password })),
    );
    const won = results.findIndex((r) => r.status === 'fulfilled');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await apiLogin(rt, { email: user.email, secret: passwords[won]! })).kind).toBe('ok');
    expect(await emailsTo(rt, user.email, 'security-password')).toHaveLength(1);
  });

  it('refuses a garbage token with 404 LINK_INVALID', async () => {
    await expectRefused(
      completePasswordReset(ctx(), { token: 'garbage', password: NEW_PASSWORD }),
      'LINK_INVALID',
    );
  });

  it('refuses a password against the policy and keeps the link usable', async () => {
    const user = await createUser(rt);
    const token = await requestToken(user.email);
    const error = await expectRefused(
      completePasswordReset(ctx(), { token, password: 'qwerty123456' }),
      'PASSWORD_POLICY',
    );
    expect(error.errors?.[0]?.path).toBe('password');
    await completePasswordReset(ctx(), { token, password: NEW_PASSWORD });
    expect((await apiLogin(rt, { email: user.email, secret: NEW_PASSWORD })).kind).toBe('ok');
  });

  it('still requires TFA at the next login', async () => {
    const user = await createUser(rt);
    const { secret } = await enableTotp(rt, user);
    const token = await requestToken(user.email);
    await completePasswordReset(ctx(), { token, password: NEW_PASSWORD });
    await expectRefused(apiLogin(rt, { email: user.email, secret: NEW_PASSWORD }), 'TFA_REQUIRED');
    const ok = await apiLogin(rt, {
      email: user.email,
      secret: NEW_PASSWORD,
      tfaCode: await totpAt(rt, secret),
    });
    expect(ok.kind).toBe('ok');
  });

  it('clears a forced password change, since the user chose the new password', async () => {
    const user = await createUser(rt, { passwordChangeRequired: true });
    const token = await requestToken(user.email);
    await completePasswordReset(ctx(), { token, password: NEW_PASSWORD });
    expect((await userById(rt, user.id)).passwordChangeRequired).toBe(false);
    expect((await apiLogin(rt, { email: user.email, secret: NEW_PASSWORD })).kind).toBe('ok');
  });
});
