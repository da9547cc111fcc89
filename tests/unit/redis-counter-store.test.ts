import { Redis } from 'ioredis';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CounterStore, createLimiter, redisCounterStore, WINDOW_MS } from '@/server/auth/rate-limit';
import { manualClock } from '@/server/clock';
import { AppError } from '@/server/errors';

// The store a deployment with REDIS_URL uses; tests talk to the Redis of the CI machine.
let redis: Redis;
beforeAll(() => {
  redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 2 });
});
afterAll(() => redis.disconnect());

/** A store under a prefix no other test (or run) uses; returns the prefix to inspect raw keys. */
function freshStore(): { store: CounterStore; prefix: string } {
  const prefix = `provena-test:${uuidv7()}:`;
  return { store: redisCounterStore(redis, prefix), prefix };
}

describe('Redis counter store', () => {
  it('counts 200 parallel increments exactly', async () => {
    const { store } = freshStore();
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 200 }, () => store.increment('k', now, WINDOW_MS)),
    );
    // every increment saw its own count: none was lost or doubled
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
    expect((await store.read('k', now, WINDOW_MS))?.count).toBe(200);
  });

  it('keeps the window start of the first failure and the time of the last', async () => {
    const { store } = freshStore();
    const start = new Date('2026-03-01T10:00:00Z');
    await store.increment('k', start, WINDOW_MS);
    const last = new Date(start.getTime() + 60_000);
    const counter = await store.increment('k', last, WINDOW_MS);
    expect(counter).toEqual({ count: 2, windowStart: start, lastAt: last });
  });

  it('clears a counter', async () => {
    const { store, prefix } = freshStore();
    const now = new Date();
    await store.increment('k', now, WINDOW_MS);
    await store.clear('k');
    expect(await store.read('k', now, WINDOW_MS)).toBeNull();
    expect(await redis.exists(`${prefix}k`)).toBe(0);
  });

  it('starts a new window once the old one has passed', async () => {
    const { store } = freshStore();
    const start = new Date();
    await store.increment('k', start, WINDOW_MS);
    await store.increment('k', start, WINDOW_MS);
    const after = new Date(start.getTime() + WINDOW_MS);
    expect(await store.read('k', after, WINDOW_MS)).toBeNull();
    expect(await store.increment('k', after, WINDOW_MS)).toMatchObject({ count: 1, windowStart: after });
  });

  it('lets Redis expire the key with its window', async () => {
    const { store, prefix } = freshStore();
    await store.increment('k', new Date(), WINDOW_MS);
    const ttl = await redis.pttl(`${prefix}k`);
    expect(ttl).toBeGreaterThan(WINDOW_MS - 5_000);
    expect(ttl).toBeLessThanOrEqual(WINDOW_MS);
  });

  it('keeps counters of different keys and prefixes apart', async () => {
    const a = freshStore().store;
    const b = freshStore().store;
    const now = new Date();
    await a.increment('k', now, WINDOW_MS);
    await a.increment('other', now, WINDOW_MS);
    expect((await a.read('k', now, WINDOW_MS))?.count).toBe(1);
    expect(await b.read('k', now, WINDOW_MS)).toBeNull();
  });

  it('backs the limiter: a success clears the email+IP counter, 10 failures per email+IP give RATE_LIMITED', async () => {
    const { store } = freshStore();
    const clock = manualClock(new Date('2026-03-01T10:00:00Z'));
    const limiter = createLimiter(store, clock);
    const fail = async (email: string) => {
      clock.advance(33_000);
      await limiter.assertAllowed('login', '192.0.2.1', email);
      await limiter.recordFailure('login', '192.0.2.1', email);
    };
    for (let i = 0; i < 9; i++) await fail('a@example.com');
    await limiter.recordSuccess('login', '192.0.2.1', 'a@example.com');
    const now = clock.now();
    expect(await store.read('login:email-ip:a@example.com|192.0.2.1', now, WINDOW_MS)).toBeNull();
    expect((await store.read('login:email:a@example.com', now, WINDOW_MS))?.count).toBe(9);
    for (let i = 0; i < 10; i++) await fail('b@example.com');
    clock.advance(33_000);
    const error = await limiter.assertAllowed('login', '192.0.2.1', 'b@example.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'RATE_LIMITED' });
    expect((error as AppError).extra?.retryAfterSeconds).toBeGreaterThan(32);
  });
});
