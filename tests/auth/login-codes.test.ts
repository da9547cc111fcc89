import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loginCodes, outbox, sessions, users } from '@/db/schema';
import { MINUTE } from '@/server/core/clock';
import { runDueJobs } from '@/server/jobs/run-due-jobs';
import { initiateLogin } from '@/server/modules/auth/services/initiate-login';
import { login } from '@/server/modules/auth/services/login';
import {
  apiLogin,
  auditRows,
  emailsTo,
  enableTotp,
  latestEmail,
  loginCodeIn,
  totpAt,
  uniqueIp,
  uniqueRequestId,
} from '../helpers/identity';
import { raceTest } from '../helpers/race';
import { expectRefused } from '../helpers/refusals';
import { contextOf, createUser, testMeta, testRuntime, uniqueEmail } from '../helpers/runtime';

const rt = testRuntime();

/** Asks for a code for the user and reads it from the outbox row, the way the mail would carry it. */
async function requestCode(email: string, options: { typed?: string; ip?: string } = {}) {
  const meta = testMeta({ ip: options.ip ?? uniqueIp() });
  expect(await initiateLogin(contextOf(rt, meta), { email: options.typed ?? email })).toEqual({
    status: 'sent',
  });
  const row = await latestEmail(rt, email, 'login-code');
  return loginCodeIn(row.text);
}

const anotherCode = (code: string) => (code === '00000000' ? '11111111' : '00000000');

describe('one-time login codes', () => {
  it('emails an 8-digit code through the outbox that signs the user in in place of the password', async () => {
    const user = await createUser(rt);
    const code = await requestCode(user.email, { typed: ` ${user.email.toUpperCase()} ` });
    const mail = await latestEmail(rt, user.email, 'login-code');
    expect(mail.status).toBe('pending');
    expect(mail.subject).toBe('Your Provena sign-in code'); // lock screens show subjects: never the code

    const requestId = uniqueRequestId();
    const result = await login(
      contextOf(rt, testMeta({ requestId })),
      { email: user.email, secret: code },
      'api',
    );
    expect(result.kind).toBe('ok');
    const [event] = await auditRows(rt, { requestId });
    expect(event).toMatchObject({ action: 'auth.login', subjectUserId: user.id, data: { via: 'code' } });
    // the code is spent, the password still works
    expect(await rt.db.select().from(loginCodes).where(eq(loginCodes.userId, user.id))).toHaveLength(0);
    expect((await apiLogin(rt, { email: user.email, secret: user.password })).kind).toBe('ok');
  });

  it('stores only an HMAC of the code', async () => {
    const user = await createUser(rt);
    const code = await requestCode(user.email);
    const [row] = await rt.db.select().from(loginCodes).where(eq(loginCodes.userId, user.id));
    expect(row!.codeHmac).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.codeHmac).not.toContain(code);
  });

  it('accepts a code only once', async () => {
    const user = await createUser(rt);
    const code = await requestCode(user.email);
    expect((await apiLogin(rt, { email: user.email, secret: code })).kind).toBe('ok');
    await expectRefused(apiLogin(rt, { email: user.email, secret: code }), 'INVALID_CREDENTIALS');
  });

  it('accepts a code until 10 minutes have passed and refuses it afterwards', async () => {
    const user = await createUser(rt);
    const early = await requestCode(user.email);
    rt.clock.advance(10 * MINUTE - 1000);
    expect((await apiLogin(rt, { email: user.email, secret: early })).kind).toBe('ok');

    const late = await requestCode(user.email);
    rt.clock.advance(10 * MINUTE);
    await expectRefused(apiLogin(rt, { email: user.email, secret: late }), 'INVALID_CREDENTIALS');
  });

  it('kills the code after 5 wrong tries, so the right code fails afterwards', async () => {
    const user = await createUser(rt);
    const code = await requestCode(user.email);
    const ip = uniqueIp();
    for (let i = 1; i <= 4; i++) {
      await expectRefused(
        apiLogin(rt, { email: user.email, secret: anotherCode(code) }, ip),
        'INVALID_CREDENTIALS',
      );
      const [row] = await rt.db.select().from(loginCodes).where(eq(loginCodes.userId, user.id));
      expect(row!.failedAttempts).toBe(i);
    }
    await expectRefused(
      apiLogin(rt, { email: user.email, secret: anotherCode(code) }, ip),
      'INVALID_CREDENTIALS',
    );
    const [dead] = await rt.db.select().from(loginCodes).where(eq(loginCodes.userId, user.id));
    expect(dead!.failedAttempts).toBe(5);
    // wait out the growing per-email delay so only the dead code can refuse the sign-in
    rt.clock.advance(MINUTE);
    await expectRefused(apiLogin(rt, { email: user.email, secret: code }, ip), 'INVALID_CREDENTIALS');
  });

  it('still accepts the right code after 4 wrong tries', async () => {
    const user = await createUser(rt);
    const code = await requestCode(user.email);
    const ip = uniqueIp();
    for (let i = 0; i < 4; i++) {
      await expectRefused(
        apiLogin(rt, { email: user.email, secret: anotherCode(code) }, ip),
        'INVALID_CREDENTIALS',
      );
    }
    expect((await apiLogin(rt, { email: user.email, secret: code }, ip)).kind).toBe('ok');
  });

  it('kills the older code when a newer one is requested', async () => {
    const user = await createUser(rt);
    const older = await requestCode(user.email);
    rt.clock.advance(1000);
    const newer = await requestCode(user.email);
    expect(await emailsTo(rt, user.email, 'login-code')).toHaveLength(2);
    if (older !== newer) {
      await expectRefused(apiLogin(rt, { email: user.email, secret: older }), 'INVALID_CREDENTIALS');
    }
    expect((await apiLogin(rt, { email: user.email, secret: newer })).kind).toBe('ok');
  });

  it('answers an unknown email exactly like a known one and sends nothing', async () => {
    const email = uniqueEmail('nobody');
    const [before] = await rt.db.select({ n: count() }).from(outbox);
    expect(await initiateLogin(contextOf(rt, testMeta({ ip: uniqueIp() })), { email })).toEqual({
      status: 'sent',
    });
    await runDueJobs(rt);
    const [after] = await rt.db.select({ n: count() }).from(outbox);
    expect(after!.n).toBe(before!.n);
    expect(await emailsTo(rt, email)).toHaveLength(0);
  });

  it('sends no code to a disabled user', async () => {
    const user = await createUser(rt);
    await rt.db.update(users).set({ status: 'disabled' }).where(eq(users.id, user.id));
    await initiateLogin(contextOf(rt, testMeta({ ip: uniqueIp() })), { email: user.email });
    expect(await emailsTo(rt, user.email)).toHaveLength(0);
  });

  it('refuses a code of another user', async () => {
    const alice = await createUser(rt);
    const bob = await createUser(rt);
    const aliceCode = await requestCode(alice.email);
    await requestCode(bob.email);
    await expectRefused(apiLogin(rt, { email: bob.email, secret: aliceCode }), 'INVALID_CREDENTIALS');
  });

  it('replaces the password but never the TFA code, and is not spent by the TFA_REQUIRED answer', async () => {
    const user = await createUser(rt);
    const { secret } = await enableTotp(rt, user);
    const code = await requestCode(user.email);
    await expectRefused(apiLogin(rt, { email: user.email, secret: code }), 'TFA_REQUIRED');
    const result = await apiLogin(rt, { email: user.email, secret: code, tfaCode: await totpAt(rt, secret) });
    expect(result.kind).toBe('ok');
  });

  // A real overlap on PostgreSQL; one after the other on PGlite. Either way the code works once.
  raceTest('lets exactly one of several concurrent logins with the same code succeed', async () => {
    const user = await createUser(rt);
    const code = await requestCode(user.email);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => apiLogin(rt, { email: user.email, secret: code }, uniqueIp())),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const lost of results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]) {
      expect(lost.reason).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    expect(await rt.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
  });

  it('slows down and then refuses a flood of code requests for one address', async () => {
    const user = await createUser(rt);
    const ip = uniqueIp();
    for (let i = 0; i < 5; i++) await initiateLogin(contextOf(rt, testMeta({ ip })), { email: user.email });
    const error = await expectRefused(
      initiateLogin(contextOf(rt, testMeta({ ip })), { email: user.email }),
      'RATE_LIMITED',
    );
    expect(error.extra?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await emailsTo(rt, user.email, 'login-code')).toHaveLength(5);
  });
});
