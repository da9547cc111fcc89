import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, rateLimits } from '@/db/schema';
import { deriveKeys } from '@/server/core/crypto';
import { signDeviceToken } from '@/server/modules/auth/device-token';
import { activateTfaMethod } from '@/server/modules/auth/services/activate-tfa-method';
import { createTfaMethod } from '@/server/modules/auth/services/create-tfa-method';
import { apiLogin, nextTotpStep, totpAt, uniqueIp, wrongTotp } from '../helpers/identity';
import { expectRefused } from '../helpers/refusals';
import { createUser, signedIn, testMeta, testRuntime } from '../helpers/runtime';

const rt = testRuntime();

const SECOND = 1000;
const WRONG = 'definitely wrong!';

/** Five wrong passwords from five IPs: the email now meets the growing per-email delay. */
async function attackFromElsewhere(email: string) {
  for (let i = 0; i < 5; i++)
    await expectRefused(apiLogin(rt, { email, secret: WRONG }, uniqueIp()), 'INVALID_CREDENTIALS');
}

async function deviceTokenOf(user: { email: string; password: string }) {
  const result = await apiLogin(rt, { email: user.email, secret: user.password }, uniqueIp());
  if (result.kind !== 'ok') throw new Error(`expected a full login, got ${result.kind}`);
  return result.deviceToken;
}

describe('device token (a prior sign-in) against the per-email delay', () => {
  it('signs the owner in with the device token of an earlier login while failures from other IPs delay the email; a caller without one is refused', async () => {
    const user = await createUser(rt);
    const deviceToken = await deviceTokenOf(user);
    await attackFromElsewhere(user.email);
    const owner = await apiLogin(rt, { email: user.email, secret: user.password, deviceToken }, uniqueIp());
    expect(owner.kind).toBe('ok');
    await expectRefused(
      apiLogin(rt, { email: user.email, secret: user.password }, uniqueIp()),
      'RATE_LIMITED',
    );
  });

  it("gives no exemption for a forged token, another account's token, or one signed with another secret", async () => {
    const user = await createUser(rt);
    const other = await createUser(rt);
    const genuine = await deviceTokenOf(user);
    const tokens = [
      await deviceTokenOf(other),
      `${genuine.slice(0, -4)}0000`,
      genuine.replace(user.id, other.id),
      signDeviceToken(
        deriveKeys('another-secret-that-is-long-enough-for-hkdf').deviceToken,
        user.id,
        rt.clock.now(),
      ),
      'd1.not.a.token',
    ];
    await attackFromElsewhere(user.email);
    for (const deviceToken of tokens)
      await expectRefused(
        apiLogin(rt, { email: user.email, secret: user.password, deviceToken }, uniqueIp()),
        'RATE_LIMITED',
      );
  });

  it('still applies the per-email+IP limit to a trusted device', async () => {
    const user = await createUser(rt);
    const deviceToken = await deviceTokenOf(user);
    const ip = uniqueIp();
    for (let i = 0; i < 10; i++)
      await expectRefused(
        apiLogin(rt, { email: user.email, secret: WRONG, deviceToken }, ip),
        'INVALID_CREDENTIALS',
      );
    await expectRefused(
      apiLogin(rt, { email: user.email, secret: user.password, deviceToken }, ip),
      'RATE_LIMITED',
    );
  });

  it('writes auth.login.throttled once when the failures for an email cross the threshold, not per request', async () => {
    const user = await createUser(rt);
    for (let failures = 0; failures < 12; failures++) {
      // waits out the doubling delay exactly, staying inside one 15-minute window
      if (failures >= 5) rt.clock.advance(2 ** (failures - 5) * SECOND);
      await expectRefused(
        apiLogin(rt, { email: user.email, secret: WRONG }, uniqueIp()),
        'INVALID_CREDENTIALS',
      );
    }
    const events = await rt.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.login.throttled'), eq(auditEvents.subjectUserId, user.id)));
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({ failures: 5 });
  });
});

describe('TFA activation limits', () => {
  it('refuses /auth/tfa/activate with 429 after 10 wrong codes from one IP', async () => {
    const user = await createUser(rt);
    const ctx = { ...(await signedIn(rt, user.id)), meta: testMeta({ ip: uniqueIp() }) };
    const created = await createTfaMethod(ctx, { password: user.password, type: 'totp' });
    nextTotpStep(rt);
    for (let i = 0; i < 10; i++) {
      rt.clock.advance(33 * SECOND);
      const tfaCode = wrongTotp(await totpAt(rt, created.secret));
      await expectRefused(activateTfaMethod(ctx, { tfaCode }), 'TFA_INVALID');
    }
    rt.clock.advance(33 * SECOND);
    await expectRefused(
      activateTfaMethod(ctx, { tfaCode: await totpAt(rt, created.secret) }),
      'RATE_LIMITED',
    );
  });
});

describe('rate-limit counters', () => {
  it('hold no email or IP in the rate_limits table after a failed login', async () => {
    const user = await createUser(rt);
    const ip = uniqueIp();
    await expectRefused(apiLogin(rt, { email: user.email, secret: WRONG }, ip), 'INVALID_CREDENTIALS');
    const rows = await rt.db.select().from(rateLimits);
    const leaks = rows.filter(
      (row) =>
        row.key.includes(user.email) || row.key.includes(ip) || row.key.includes(user.email.split('@')[0]!),
    );
    expect(leaks).toEqual([]);
    const ours = await rt.db
      .select()
      .from(rateLimits)
      .where(
        inArray(
          rateLimits.key,
          rows.map((r) => r.key).filter((k) => k.startsWith('login:')),
        ),
      );
    expect(ours.length).toBeGreaterThanOrEqual(3);
  });
});
