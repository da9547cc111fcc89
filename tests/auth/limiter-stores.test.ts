import { Redis } from 'ioredis';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '@/server/core/clock';
import { postgresCounterStore, redisCounterStore } from '@/server/modules/auth/counter-stores';
import {
  type Attempt,
  type CounterStore,
  counterKey,
  createLimiter,
  WINDOW_MS,
} from '@/server/modules/auth/rate-limit';
import { uniqueIp } from '../helpers/identity';
import { raceTest } from '../helpers/race';
import { redisAnswers, TEST_REDIS_URL } from '../helpers/redis';
import { expectRefused } from '../helpers/refusals';
import { testRuntime, uniqueEmail } from '../helpers/runtime';

// The limiter's behaviour, against each store a deployment can use (PostgreSQL, or Redis with REDIS_URL).
let redis: Redis | undefined;
const rt = testRuntime();
beforeAll(async () => {
  if (redisAnswers) redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 2 });
});
afterAll(async () => {
  redis?.disconnect();
});

const SECRET = Buffer.alloc(32, 7);
const stores: { name: string; skip: boolean; make: () => CounterStore }[] = [
  { name: 'PostgreSQL', skip: false, make: () => postgresCounterStore(rt.db) },
  { name: 'Redis', skip: !redisAnswers, make: () => redisCounterStore(redis!, `provena-test:${uuidv7()}:`) },
];

for (const { name, skip, make } of stores) {
  describe.skipIf(skip)(`limiter on ${name}`, () => {
    // The PostgreSQL store's bursts race only on a PostgreSQL server; Redis races on any run.
    const burstTest = name === 'PostgreSQL' ? raceTest : it;
    const setup = () => {
      const clock = manualClock(new Date('2026-03-01T10:00:00Z'));
      const store = make();
      return { clock, store, limiter: createLimiter(store, clock, SECRET) };
    };
    const burst = (n: number, reserve: () => Promise<unknown>) =>
      Promise.allSettled(Array.from({ length: n }, reserve)).then((all) => ({
        passed: all.filter((r) => r.status === 'fulfilled').length,
        refused: all.filter((r) => r.status === 'rejected' && r.reason?.code === 'RATE_LIMITED').length,
        other: all.flatMap((r) =>
          r.status === 'rejected' && r.reason?.code !== 'RATE_LIMITED'
            ? [String(r.reason?.cause ?? r.reason)]
            : [],
        ),
      }));

    burstTest(
      'lets 10 of 40 concurrent tries for one email+IP through and refuses the rest with RATE_LIMITED',
      async () => {
        const { limiter } = setup();
        const attempt: Attempt = { ip: uniqueIp(), email: uniqueEmail(), trustedDevice: true };
        expect(await burst(40, () => limiter.reserve('login', attempt))).toEqual({
          passed: 10,
          refused: 30,
          other: [],
        });
      },
    );

    burstTest(
      'lets only 5 of 20 concurrent tries for one email from 20 IPs through: the delay holds against a burst',
      async () => {
        const { limiter } = setup();
        const email = uniqueEmail();
        expect(await burst(20, () => limiter.reserve('login', { ip: uniqueIp(), email }))).toEqual({
          passed: 5,
          refused: 15,
          other: [],
        });
      },
    );

    it('refuses an IP after 100 tries across emails', async () => {
      const { limiter } = setup();
      const ip = uniqueIp();
      expect(await burst(101, () => limiter.reserve('login', { ip, email: uniqueEmail() }))).toEqual({
        passed: 100,
        refused: 1,
        other: [],
      });
    });

    it('clears the email+IP counter on success and gives the other slots back; a cancel gives all back', async () => {
      const { limiter, store, clock } = setup();
      const ip = uniqueIp();
      const email = uniqueEmail();
      const key = (kind: 'ip' | 'email-ip' | 'email', ...parts: string[]) =>
        counterKey(SECRET, 'login', kind, ...parts);
      const count = async (k: string) => (await store.read(k, clock.now(), WINDOW_MS))?.count ?? null;
      await limiter.reserve('login', { ip, email });
      await limiter.reserve('login', { ip, email });
      await (await limiter.reserve('login', { ip, email })).succeeded();
      expect(await count(key('email-ip', email, ip))).toBeNull();
      expect(await count(key('email', email))).toBe(2);
      expect(await count(key('ip', ip))).toBe(2);
      await (await limiter.reserve('login', { ip, email })).cancel();
      expect(await count(key('email-ip', email, ip))).toBe(0);
      expect(await count(key('email', email))).toBe(2);
    });

    it('exempts a trusted device from the per-email delay only: the email+IP limit still refuses it', async () => {
      const { limiter } = setup();
      const email = uniqueEmail();
      for (let i = 0; i < 5; i++) await limiter.reserve('login', { ip: uniqueIp(), email });
      await expectRefused(limiter.reserve('login', { ip: uniqueIp(), email }), 'RATE_LIMITED');
      const ip = uniqueIp();
      for (let i = 0; i < 10; i++) await limiter.reserve('login', { ip, email, trustedDevice: true });
      const error = await expectRefused(
        limiter.reserve('login', { ip, email, trustedDevice: true }),
        'RATE_LIMITED',
      );
      expect(error.extra?.retryAfterSeconds).toBe(WINDOW_MS / 1000);
    });

    it('answers the wait of the doubling delay and lets the try through once it has passed', async () => {
      const { limiter, clock } = setup();
      const email = uniqueEmail();
      for (let i = 0; i < 6; i++) {
        await limiter.reserve('login', { ip: uniqueIp(), email });
        if (i >= 4) clock.advance(1000);
      }
      // 6 failures: 2 seconds after the last
      clock.advance(1999 - 1000);
      const error = await expectRefused(limiter.reserve('login', { ip: uniqueIp(), email }), 'RATE_LIMITED');
      expect(error.extra?.retryAfterSeconds).toBe(1);
      clock.advance(1);
      expect((await limiter.reserve('login', { ip: uniqueIp(), email })).emailCount).toBe(7);
    });
  });
}
