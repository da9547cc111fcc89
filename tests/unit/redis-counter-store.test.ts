import { Redis } from 'ioredis';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisCounterStore } from '@/server/modules/auth/counter-stores';
import { type CounterStore, type Rule, WINDOW_MS } from '@/server/modules/auth/rate-limit';
import { redisAnswers, TEST_REDIS_URL } from '../helpers/redis';

// The store a deployment with REDIS_URL uses; tests talk to the Redis of the CI machine.
let redis: Redis;
beforeAll(() => {
  if (redisAnswers) redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 2 });
});
afterAll(() => redis?.disconnect());

/** A store under a prefix no other test (or run) uses; returns the prefix to inspect raw keys. */
function freshStore(): { store: CounterStore; prefix: string } {
  const prefix = `provena-test:${uuidv7()}:`;
  return { store: redisCounterStore(redis, prefix), prefix };
}

const counted: Rule[] = [{ key: 'k', limit: null }];

describe.skipIf(!redisAnswers)('Redis counter store', () => {
  it('counts 200 parallel reservations exactly', async () => {
    const { store } = freshStore();
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 200 }, () => store.reserve(counted, now, WINDOW_MS)),
    );
    // every reservation saw its own count: none was lost or doubled
    const counts = results.map((r) => (r.ok ? r.counts.get('k')! : 0));
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect((await store.read('k', now, WINDOW_MS))?.count).toBe(200);
  });

  it('keeps the window start of the first attempt and the time of the last', async () => {
    const { store } = freshStore();
    const start = new Date('2026-03-01T10:00:00Z');
    await store.reserve(counted, start, WINDOW_MS);
    const last = new Date(start.getTime() + 60_000);
    await store.reserve(counted, last, WINDOW_MS);
    expect(await store.read('k', last, WINDOW_MS)).toEqual({ count: 2, windowStart: start, lastAt: last });
  });

  it('clears a counter and gives a slot back', async () => {
    const { store, prefix } = freshStore();
    const now = new Date();
    const two: Rule[] = [...counted, { key: 'other', limit: null }];
    await store.reserve(two, now, WINDOW_MS);
    await store.reserve(two, now, WINDOW_MS);
    await store.release(['other'], ['k']);
    expect(await store.read('k', now, WINDOW_MS)).toBeNull();
    expect(await redis.exists(`${prefix}k`)).toBe(0);
    expect((await store.read('other', now, WINDOW_MS))?.count).toBe(1);
    // giving back on a counter that is gone does not create a key without expiry
    await store.release(['k'], []);
    expect(await redis.exists(`${prefix}k`)).toBe(0);
  });

  it('starts a new window once the old one has passed', async () => {
    const { store } = freshStore();
    const start = new Date();
    await store.reserve(counted, start, WINDOW_MS);
    await store.reserve(counted, start, WINDOW_MS);
    const after = new Date(start.getTime() + WINDOW_MS);
    expect(await store.read('k', after, WINDOW_MS)).toBeNull();
    await store.reserve(counted, after, WINDOW_MS);
    expect(await store.read('k', after, WINDOW_MS)).toMatchObject({ count: 1, windowStart: after });
  });

  it('lets Redis expire the key with its window', async () => {
    const { store, prefix } = freshStore();
    await store.reserve(counted, new Date(), WINDOW_MS);
    const ttl = await redis.pttl(`${prefix}k`);
    expect(ttl).toBeGreaterThan(WINDOW_MS - 5_000);
    expect(ttl).toBeLessThanOrEqual(WINDOW_MS);
  });

  it('keeps counters of different keys and prefixes apart', async () => {
    const a = freshStore().store;
    const b = freshStore().store;
    const now = new Date();
    await a.reserve(counted, now, WINDOW_MS);
    await a.reserve([{ key: 'other', limit: null }], now, WINDOW_MS);
    expect((await a.read('k', now, WINDOW_MS))?.count).toBe(1);
    expect(await b.read('k', now, WINDOW_MS)).toBeNull();
  });

  it('counts on every key or on none: a refused reservation leaves the other keys as they were', async () => {
    const { store } = freshStore();
    const now = new Date();
    const rules: Rule[] = [
      { key: 'free', limit: null },
      { key: 'limited', limit: { max: 2 } },
    ];
    const results = await Promise.all(Array.from({ length: 10 }, () => store.reserve(rules, now, WINDOW_MS)));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect((await store.read('free', now, WINDOW_MS))?.count).toBe(2);
    const refused = results.find((r) => !r.ok);
    expect(refused).toMatchObject({ ok: false, refused: [{ key: 'limited', count: 2, windowStart: now }] });
  });
});
