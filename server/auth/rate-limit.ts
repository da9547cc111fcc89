import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type { Db } from '@/db/client';
import { rateLimits } from '@/db/schema';
import type { Clock } from '../clock';
import { MINUTE } from '../clock';
import { AppError } from '../errors';

export type Counter = { count: number; windowStart: Date; lastAt: Date };

/** Where failure counters live: PostgreSQL by default, Redis when REDIS_URL is set. Both are shared by all instances. */
export type CounterStore = {
  increment(key: string, now: Date, windowMs: number): Promise<Counter>;
  read(key: string, now: Date, windowMs: number): Promise<Counter | null>;
  clear(key: string): Promise<void>;
};

export const WINDOW_MS = 15 * MINUTE;
const PER_EMAIL_IP = 10;
const PER_IP = 100;
/** Per email alone there is never a lock, only a delay that doubles from the 5th failure, capped at 5 minutes. */
const DELAY_FROM = 5;
const MAX_DELAY_MS = 5 * MINUTE;

/**
 * `invite` counts invitation mail: its "ip" slot holds the inviter (`user:<id>`) and its email slot
 * the recipient, so one inviter sends at most 100 a window and one address gets a growing delay.
 */
export type Bucket = 'login' | 'initiate' | 'reset' | 'refresh' | 'invite';

export function createLimiter(store: CounterStore, clock: Clock) {
  const keysFor = (bucket: Bucket, ip: string, email?: string) => ({
    ip: `${bucket}:ip:${ip}`,
    emailIp: email ? `${bucket}:email-ip:${email}|${ip}` : undefined,
    email: email ? `${bucket}:email:${email}` : undefined,
  });

  return {
    /** Throws 429 RATE_LIMITED with the seconds to wait when this caller has failed too often. */
    async assertAllowed(bucket: Bucket, ip: string, email?: string): Promise<void> {
      const now = clock.now();
      const keys = keysFor(bucket, ip, email);
      const [byIp, byEmailIp, byEmail] = await Promise.all([
        store.read(keys.ip, now, WINDOW_MS),
        keys.emailIp ? store.read(keys.emailIp, now, WINDOW_MS) : null,
        keys.email ? store.read(keys.email, now, WINDOW_MS) : null,
      ]);
      const waits: number[] = [];
      if (byIp && byIp.count >= PER_IP) waits.push(byIp.windowStart.getTime() + WINDOW_MS - now.getTime());
      if (byEmailIp && byEmailIp.count >= PER_EMAIL_IP)
        waits.push(byEmailIp.windowStart.getTime() + WINDOW_MS - now.getTime());
      if (byEmail && byEmail.count >= DELAY_FROM) {
        const delay = Math.min(1000 * 2 ** (byEmail.count - DELAY_FROM), MAX_DELAY_MS);
        waits.push(byEmail.lastAt.getTime() + delay - now.getTime());
      }
      const wait = Math.max(0, ...waits);
      if (wait > 0) {
        const retryAfterSeconds = Math.ceil(wait / 1000);
        throw new AppError('RATE_LIMITED', `Too many attempts; try again in ${retryAfterSeconds} seconds.`, {
          extra: { retryAfterSeconds },
        });
      }
    },

    /** Counts one failure (or, for buckets that send mail, one request). */
    async recordFailure(bucket: Bucket, ip: string, email?: string): Promise<void> {
      const now = clock.now();
      const keys = keysFor(bucket, ip, email);
      await Promise.all(
        [keys.ip, keys.emailIp, keys.email]
          .filter((k): k is string => k !== undefined)
          .map((k) => store.increment(k, now, WINDOW_MS)),
      );
    },

    /**
     * A success clears the email+IP counter only. The per-email delay runs out on its own: if the
     * owner's sign-in cleared it, an attacker spread over many IPs would start afresh each time.
     */
    async recordSuccess(bucket: Bucket, ip: string, email: string): Promise<void> {
      await store.clear(keysFor(bucket, ip, email).emailIp!);
    },
  };
}

export type Limiter = ReturnType<typeof createLimiter>;

/** One atomic upsert per failure: concurrent instances never lose a count. */
export function postgresCounterStore(db: Db): CounterStore {
  return {
    async increment(key, now, windowMs) {
      // Raw SQL parameters are not mapped by the column, so timestamps go in as ISO text.
      const expired = sql`${rateLimits.windowStart} <= ${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
      const [row] = await db
        .insert(rateLimits)
        .values({ key, count: 1, windowStart: now, lastAt: now })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
            windowStart: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`,
            lastAt: now,
          },
        })
        .returning();
      return row!;
    },
    async read(key, now, windowMs) {
      const row = await db.query.rateLimits.findFirst({ where: (t, { eq }) => eq(t.key, key) });
      if (!row || row.windowStart.getTime() <= now.getTime() - windowMs) return null;
      return row;
    },
    async clear(key) {
      await db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
    },
  };
}

const INCREMENT_SCRIPT = `
local start = redis.call('HGET', KEYS[1], 'start')
if start and tonumber(start) <= tonumber(ARGV[1]) - tonumber(ARGV[2]) then redis.call('DEL', KEYS[1]) end
local count = redis.call('HINCRBY', KEYS[1], 'count', 1)
if count == 1 then redis.call('HSET', KEYS[1], 'start', ARGV[1]) end
redis.call('HSET', KEYS[1], 'last', ARGV[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return redis.call('HMGET', KEYS[1], 'count', 'start', 'last')`;

/** Redis keeps each counter as a hash that expires with its window; a Lua script makes the update atomic. */
export function redisCounterStore(redis: Redis, prefix = 'provena:rl:'): CounterStore {
  const toCounter = (values: (string | null)[]): Counter | null =>
    values[0]
      ? {
          count: Number(values[0]),
          windowStart: new Date(Number(values[1])),
          lastAt: new Date(Number(values[2])),
        }
      : null;
  return {
    async increment(key, now, windowMs) {
      const values = (await redis.eval(
        INCREMENT_SCRIPT,
        1,
        prefix + key,
        now.getTime(),
        windowMs,
      )) as string[];
      return toCounter(values)!;
    },
    async read(key, now, windowMs) {
      const counter = toCounter(await redis.hmget(prefix + key, 'count', 'start', 'last'));
      if (!counter || counter.windowStart.getTime() <= now.getTime() - windowMs) return null;
      return counter;
    },
    async clear(key) {
      await redis.del(prefix + key);
    },
  };
}
