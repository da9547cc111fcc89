import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type { Db } from '@/db/client';
import { rateLimits } from '@/db/schema';
import {
  type Counter,
  type CounterStore,
  MAX_DELAY_EXPONENT,
  MAX_DELAY_MS,
  type ReserveResult,
  type Rule,
} from './rate-limit';

type Row = { key: string; count: number; window_start: Date | string; last_at: Date | string };

const rowsOf = (result: unknown) =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Row[];

const toCounter = (row: Row): Counter => ({
  count: Number(row.count),
  windowStart: new Date(row.window_start),
  lastAt: new Date(row.last_at),
});

// Raw SQL parameters are not mapped by the column, so timestamps go in as ISO text.
const timestamp = (at: Date) => sql`${at.toISOString()}::timestamptz`;

/** The SQL condition under which counter `r` (its state before this attempt) still takes one. */
function allows(limit: Rule['limit'], now: Date): SQL {
  if (limit === null) return sql`true`;
  if ('max' in limit) return sql`r.count < ${limit.max}`;
  const from = limit.delayFrom;
  const wait = sql`least(1000 * power(2, least(r.count - ${from}, ${MAX_DELAY_EXPONENT})), ${MAX_DELAY_MS})`;
  return sql`(r.count < ${from} or ${timestamp(now)} >= r.last_at + ${wait} * interval '1 millisecond')`;
}

/**
 * One statement reserves every key of an attempt: a conditional upsert that counts on the keys
 * under their limit and returns them. When a key refused, a second statement gives the others
 * back and reads the refusing counters (only refused attempts pay that round trip).
 */
export function postgresCounterStore(db: Db): CounterStore {
  const keyList = (keys: readonly string[]) =>
    sql.join(
      keys.map((k) => sql`${k}`),
      sql`, `,
    );
  // Every statement locks its rows in one order (the keys' bytes, as the reserve's sort), so two
  // attempts on overlapping keys never wait on each other in a cycle.
  const lockInOrder = (keys: readonly string[]) =>
    sql`with locked as (select key from ${rateLimits} where key in (${keyList(keys)}) order by key collate "C" for update)`;
  const takeBack = (keys: readonly string[]) =>
    sql`update ${rateLimits} set count = greatest(count - 1, 0) where key in (${keyList(keys)}) and key in (select key from locked)`;
  return {
    async reserve(rules, now, windowMs): Promise<ReserveResult> {
      // Sorted, so two attempts on overlapping keys lock their rows in the same order (no deadlock).
      const sorted = [...rules].sort((a, b) => (a.key < b.key ? -1 : 1));
      const expired = sql`r.window_start <= ${timestamp(new Date(now.getTime() - windowMs))}`;
      const at = timestamp(now);
      const rows = rowsOf(
        await db.execute(sql`
          insert into ${rateLimits} as r (key, count, window_start, last_at)
          values ${sql.join(
            sorted.map((rule) => sql`(${rule.key}, 1, ${at}, ${at})`),
            sql`, `,
          )}
          on conflict (key) do update set
            count = case when ${expired} then 1 else r.count + 1 end,
            window_start = case when ${expired} then ${at} else r.window_start end,
            last_at = ${at}
          where ${expired} or case r.key ${sql.join(
            sorted.map((rule) => sql`when ${rule.key} then ${allows(rule.limit, now)}`),
            sql` `,
          )} end
          returning key, count`),
      );
      const counts = new Map(rows.map((row) => [row.key, Number(row.count)]));
      const refusedRules = rules.filter((rule) => !counts.has(rule.key));
      if (refusedRules.length === 0) return { ok: true, counts };
      const giveBack = [...counts.keys()];
      const back = giveBack.length ? sql`${lockInOrder(giveBack)}, back as (${takeBack(giveBack)})` : sql``;
      const refused = rowsOf(
        await db.execute(
          sql`${back}select key, count, window_start, last_at from ${rateLimits} where key in (${keyList(
            refusedRules.map((r) => r.key),
          )})`,
        ),
      );
      return {
        ok: false,
        refused: refused.map((row) => ({
          ...refusedRules.find((r) => r.key === row.key)!,
          ...toCounter(row),
        })),
      };
    },
    async release(giveBack, clear) {
      if (giveBack.length === 0 && clear.length === 0) return;
      const cleared = clear.length
        ? sql`, cleared as (delete from ${rateLimits} where key in (${keyList(clear)}))`
        : sql``;
      if (giveBack.length === 0) {
        await db.execute(sql`delete from ${rateLimits} where key in (${keyList(clear)})`);
        return;
      }
      await db.execute(sql`${lockInOrder([...giveBack, ...clear])}${cleared} ${takeBack(giveBack)}`);
    },
    async read(key, now, windowMs) {
      const row = await db.query.rateLimits.findFirst({ where: (t, { eq }) => eq(t.key, key) });
      if (!row || row.windowStart.getTime() <= now.getTime() - windowMs) return null;
      return row;
    },
  };
}

/**
 * KEYS: the counters; ARGV: now, window, max delay, max exponent, then a kind (0 none, 1 max,
 * 2 delay) and its parameter per key. Checks every key first, then counts on all or on none.
 * Answers {1, counts...} or {0, {index, count, start, last}...} for the keys that refused.
 */
const RESERVE_SCRIPT = `
local now, win, maxDelay, maxExp = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local refused = {}
for i, key in ipairs(KEYS) do
  local kind, p = tonumber(ARGV[3 + 2 * i]), tonumber(ARGV[4 + 2 * i])
  local v = redis.call('HMGET', key, 'count', 'start', 'last')
  local count = tonumber(v[1])
  if count and tonumber(v[2]) > now - win then
    local ok = true
    if kind == 1 then ok = count < p
    elseif kind == 2 then ok = count < p or now >= tonumber(v[3]) + math.min(1000 * 2 ^ math.min(count - p, maxExp), maxDelay) end
    if not ok then table.insert(refused, {i, v[1], v[2], v[3]}) end
  end
end
if #refused > 0 then return {0, refused} end
local counts = {}
for _, key in ipairs(KEYS) do
  local start = redis.call('HGET', key, 'start')
  if start and tonumber(start) <= now - win then redis.call('DEL', key) end
  local count = redis.call('HINCRBY', key, 'count', 1)
  if count == 1 then redis.call('HSET', key, 'start', now); redis.call('PEXPIRE', key, win) end
  redis.call('HSET', key, 'last', now)
  table.insert(counts, count)
end
return {1, counts}`;

const RELEASE_SCRIPT = `
for i, key in ipairs(KEYS) do
  if i <= tonumber(ARGV[1]) then
    if redis.call('EXISTS', key) == 1 then redis.call('HINCRBY', key, 'count', -1) end
  else redis.call('DEL', key) end
end`;

/** Redis keeps each counter as a hash that expires with its window; Lua scripts make each call atomic. */
export function redisCounterStore(redis: Redis, prefix = 'provena:rl:'): CounterStore {
  return {
    async reserve(rules, now, windowMs): Promise<ReserveResult> {
      const args = rules.flatMap(({ limit }) =>
        limit === null ? [0, 0] : 'max' in limit ? [1, limit.max] : [2, limit.delayFrom],
      );
      const [ok, values] = (await redis.eval(
        RESERVE_SCRIPT,
        rules.length,
        ...rules.map((r) => prefix + r.key),
        now.getTime(),
        windowMs,
        MAX_DELAY_MS,
        MAX_DELAY_EXPONENT,
        ...args,
      )) as [number, unknown[]];
      if (ok === 1) return { ok: true, counts: new Map(rules.map((r, i) => [r.key, Number(values[i])])) };
      const refused = (values as [number, string, string, string][]).map(([index, count, start, last]) => ({
        ...rules[index - 1]!,
        count: Number(count),
        windowStart: new Date(Number(start)),
        lastAt: new Date(Number(last)),
      }));
      return { ok: false, refused };
    },
    async release(giveBack, clear) {
      if (giveBack.length + clear.length === 0) return;
      const keys = [...giveBack, ...clear].map((k) => prefix + k);
      await redis.eval(RELEASE_SCRIPT, keys.length, ...keys, giveBack.length);
    },
    async read(key, now, windowMs) {
      const [count, start, last] = await redis.hmget(prefix + key, 'count', 'start', 'last');
      if (!count || Number(start) <= now.getTime() - windowMs) return null;
      return { count: Number(count), windowStart: new Date(Number(start)), lastAt: new Date(Number(last)) };
    },
  };
}
