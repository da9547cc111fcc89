import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rateLimits } from '@/db/schema';
import { postgresCounterStore } from '@/server/modules/auth/counter-stores';
import { counterKey, WINDOW_MS } from '@/server/modules/auth/rate-limit';
import { createTfaMethod } from '@/server/modules/auth/services/create-tfa-method';
import { refreshSession } from '@/server/modules/auth/services/refresh-session';
import { apiLogin, apiTokens, uniqueIp } from '../helpers/identity';
import { raceTest } from '../helpers/race';
import { expectRefused } from '../helpers/refusals';
import { contextOf, createUser, signedIn, testMeta, testRuntime, uniqueEmail } from '../helpers/runtime';

const rt = testRuntime();

const SECOND = 1000;
/** Longer than the per-email delay after 10 failures (32 s), so only the other limits can refuse. */
const PAST_EMAIL_DELAY = 33 * SECOND;

const wrong = (email: string, ip: string) => apiLogin(rt, { email, secret: 'definitely wrong!' }, ip);

/** Fails `n` times from this IP, waiting out the per-email delay before each try. */
async function failTimes(n: number, email: string, ip: string) {
  for (let i = 0; i < n; i++) {
    rt.clock.advance(PAST_EMAIL_DELAY);
    await expectRefused(wrong(email, ip), 'INVALID_CREDENTIALS');
  }
}

const loginKey = (kind: 'ip' | 'email-ip' | 'email', ...parts: string[]) =>
  counterKey(rt.keys.rateLimitKey, 'login', kind, ...parts);

const retryAfter = async (promise: Promise<unknown>) =>
  (await expectRefused(promise, 'RATE_LIMITED')).extra!.retryAfterSeconds as number;

describe('login limits per email and IP', () => {
  it('refuses the 11th try from the same email and IP with RATE_LIMITED, even with the right password', async () => {
    const user = await createUser(rt);
    const ip = uniqueIp();
    await failTimes(10, user.email, ip);
    rt.clock.advance(PAST_EMAIL_DELAY);
    const wait = await retryAfter(apiLogin(rt, { email: user.email, secret: user.password }, ip));
    // the email+IP window (15 minutes from the first failure), not the per-email delay
    expect(wait).toBeGreaterThan(60);
    expect(wait).toBeLessThanOrEqual(WINDOW_MS / SECOND);
    const [counter] = await rt.db
      .select()
      .from(rateLimits)
      .where(inArray(rateLimits.key, [loginKey('email-ip', user.email, ip)]));
    expect(counter!.count).toBe(10);
  });

  it('lets the right password in after 9 failures', async () => {
    const user = await createUser(rt);
    const ip = uniqueIp();
    await failTimes(9, user.email, ip);
    rt.clock.advance(PAST_EMAIL_DELAY);
    expect((await apiLogin(rt, { email: user.email, secret: user.password }, ip)).kind).toBe('ok');
  });

  it('lifts the block 15 minutes after the first failure', async () => {
    const user = await createUser(rt);
    const ip = uniqueIp();
    const firstFailureAt = rt.clock.now().getTime() + PAST_EMAIL_DELAY;
    await failTimes(10, user.email, ip);
    const windowEnd = firstFailureAt + WINDOW_MS;
    expect(WINDOW_MS).toBe(15 * 60 * SECOND);
    rt.clock.advance(windowEnd - rt.clock.now().getTime() - SECOND);
    expect(await retryAfter(apiLogin(rt, { email: user.email, secret: user.password }, ip))).toBe(1);
    rt.clock.advance(SECOND);
    expect((await apiLogin(rt, { email: user.email, secret: user.password }, ip)).kind).toBe('ok');
  });

  it('clears the email+IP counter on a success, and leaves the per-email delay to run out', async () => {
    const user = await createUser(rt);
    const ip = uniqueIp();
    await failTimes(9, user.email, ip);
    rt.clock.advance(PAST_EMAIL_DELAY);
    expect((await apiLogin(rt, { email: user.email, secret: user.password }, ip)).kind).toBe('ok');
    const keys = async () =>
      (
        await rt.db
          .select()
          .from(rateLimits)
          .where(
            inArray(rateLimits.key, [loginKey('email', user.email), loginKey('email-ip', user.email, ip)]),
          )
      )
        .map((row) => `${row.key.split(':')[1]}=${row.count}`)
        .sort();
    // Clearing the per-email counter on the owner's success would hand an attacker spread over
    // many IPs a fresh start; only the email+IP counter goes.
    expect(await keys()).toEqual(['email=9']);
    rt.clock.advance(5 * 60 * SECOND);
    await expectRefused(wrong(user.email, ip), 'INVALID_CREDENTIALS');
    expect(await keys()).toEqual(['email-ip=1', 'email=10']);
  });

  it('does not block the same email from another IP, which only meets the growing per-email delay', async () => {
    const user = await createUser(rt);
    const blockedIp = uniqueIp();
    await failTimes(10, user.email, blockedIp);
    const otherIp = uniqueIp();
    const wait = await retryAfter(apiLogin(rt, { email: user.email, secret: user.password }, otherIp));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(32);
    rt.clock.advance(wait * SECOND);
    expect((await apiLogin(rt, { email: user.email, secret: user.password }, otherIp)).kind).toBe('ok');
    // the success from the other IP does not lift the first IP's block
    await retryAfter(apiLogin(rt, { email: user.email, secret: user.password }, blockedIp));
  });
});

describe('per-email delay', () => {
  it('grows from the 5th failure, is capped at 5 minutes and never locks: after waiting, the right password works', async () => {
    const user = await createUser(rt);
    const attempt = (secret: string) => apiLogin(rt, { email: user.email, secret }, uniqueIp());
    for (let i = 0; i < 5; i++) await expectRefused(attempt('definitely wrong!'), 'INVALID_CREDENTIALS');

    const waits: number[] = [];
    for (let failures = 5; failures < 14; failures++) {
      const wait = await retryAfter(attempt(user.password));
      waits.push(wait);
      rt.clock.advance(wait * SECOND - 1);
      await retryAfter(attempt(user.password)); // one millisecond early is still too early
      rt.clock.advance(1);
      await expectRefused(attempt('definitely wrong!'), 'INVALID_CREDENTIALS');
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256]);
    const capped = await retryAfter(attempt(user.password));
    expect(capped).toBe(300);
    rt.clock.advance(capped * SECOND);
    expect((await attempt(user.password)).kind).toBe('ok');
  });
});

describe('login limits per IP', () => {
  it('refuses an IP with 100 failures across emails, and not another IP', async () => {
    const ip = uniqueIp();
    // in parallel: on PostgreSQL this also proves that no concurrent failure is lost
    await Promise.all(
      Array.from({ length: 100 }, () =>
        expectRefused(wrong(uniqueEmail('spray'), ip), 'INVALID_CREDENTIALS'),
      ),
    );
    const user = await createUser(rt);
    const wait = await retryAfter(apiLogin(rt, { email: user.email, secret: user.password }, ip));
    expect(wait).toBeGreaterThan(0);
    expect((await apiLogin(rt, { email: user.email, secret: user.password }, uniqueIp())).kind).toBe('ok');
  });

  it('counts only failures: 100 successes from one IP do not block it', async () => {
    const ip = uniqueIp();
    const user = await createUser(rt);
    // In rounds of 5: a try in flight is counted until it succeeds (the per-email delay starts at 5).
    const results = [];
    for (let round = 0; round < 21; round++)
      results.push(
        ...(await Promise.all(
          Array.from({ length: 5 }, () => apiLogin(rt, { email: user.email, secret: user.password }, ip)),
        )),
      );
    expect(results.every((r) => r.kind === 'ok')).toBe(true);
    expect((await apiLogin(rt, { email: user.email, secret: user.password }, ip)).kind).toBe('ok');
  });
});

describe('other buckets', () => {
  it('counts wrong passwords given to a signed-in session against the login limits', async () => {
    const user = await createUser(rt);
    const ip = uniqueIp();
    const ctx = { ...(await signedIn(rt, user.id)), meta: testMeta({ ip }) };
    for (let i = 0; i < 10; i++) {
      rt.clock.advance(PAST_EMAIL_DELAY);
      await expectRefused(
        createTfaMethod(ctx, { password: 'definitely wrong!', type: 'totp' }),
        'INVALID_CREDENTIALS',
      );
    }
    rt.clock.advance(PAST_EMAIL_DELAY);
    await retryAfter(createTfaMethod(ctx, { password: user.password, type: 'totp' }));
    await retryAfter(apiLogin(rt, { email: user.email, secret: user.password }, ip));
  });

  it('limits refresh attempts with bad tokens per IP', async () => {
    const ip = uniqueIp();
    const ctx = contextOf(rt, testMeta({ ip }));
    for (let i = 0; i < 100; i++) await expectRefused(refreshSession(ctx, `bad-${i}`), 'INVALID_TOKEN');
    await retryAfter(refreshSession(ctx, 'bad-again'));
    await expectRefused(refreshSession(contextOf(rt, testMeta({ ip: uniqueIp() })), 'bad'), 'INVALID_TOKEN');
  });

  it('still rotates a live refresh token from an IP over the bad-token limit (the limit guards load, not guessing)', async () => {
    const ip = uniqueIp();
    const ctx = contextOf(rt, testMeta({ ip }));
    const user = await createUser(rt);
    const tokens = await apiTokens(rt, { email: user.email, secret: user.password }, ip);
    for (let i = 0; i < 100; i++) await expectRefused(refreshSession(ctx, `bad-${i}`), 'INVALID_TOKEN');
    await retryAfter(refreshSession(ctx, 'bad-again'));
    const next = await refreshSession(ctx, tokens.refreshToken);
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
  });
});

describe('PostgreSQL counter store', () => {
  raceTest('counts parallel reservations exactly, restarts after the window and clears', async () => {
    const store = postgresCounterStore(rt.db);
    const key = `test:${uniqueIp()}`;
    const now = rt.clock.now();
    const rules = [{ key, limit: null }];
    await Promise.all(Array.from({ length: 50 }, () => store.reserve(rules, now, WINDOW_MS)));
    expect((await store.read(key, now, WINDOW_MS))?.count).toBe(50);

    const later = new Date(now.getTime() + WINDOW_MS);
    expect(await store.read(key, later, WINDOW_MS)).toBeNull();
    expect(await store.reserve(rules, later, WINDOW_MS)).toMatchObject({
      ok: true,
      counts: new Map([[key, 1]]),
    });

    await store.release([], [key]);
    expect(await store.read(key, later, WINDOW_MS)).toBeNull();
  });

  raceTest(
    'refuses 40 parallel reservations beyond a limit of 10, and gives back the keys that were under theirs',
    async () => {
      const store = postgresCounterStore(rt.db);
      const limited = `test:${uniqueIp()}`;
      const other = `test:${uniqueIp()}`;
      const now = rt.clock.now();
      const rules = [
        { key: limited, limit: { max: 10 } },
        { key: other, limit: null },
      ];
      const results = await Promise.all(
        Array.from({ length: 40 }, () => store.reserve(rules, now, WINDOW_MS)),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(10);
      expect((await store.read(limited, now, WINDOW_MS))?.count).toBe(10);
      expect((await store.read(other, now, WINDOW_MS))?.count).toBe(10);
    },
  );
});
