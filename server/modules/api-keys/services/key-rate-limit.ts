import 'server-only';
import { MINUTE } from '@/server/core/clock';
import { AppError } from '@/server/core/errors';
import type { Runtime } from '@/server/core/runtime';

export const KEY_RATE_WINDOW_MS = MINUTE;

/** The policy as the RateLimit-Policy header states it: so many requests per window of seconds. */
export const keyRatePolicy = (limit: number) => ({ limit, windowSeconds: KEY_RATE_WINDOW_MS / 1000 });

/**
 * Counts one request of this key in its one-minute window (config.apiKeyRateLimit, 600 by
 * default), or refuses it with 429 and the seconds until the window ends. The count is taken
 * atomically by the shared counter store (PostgreSQL or Redis), before any work, so concurrent
 * requests cannot pass together beyond the limit.
 */
export async function reserveKeyRequest(rt: Runtime, keyId: string) {
  const limit = rt.config.apiKeyRateLimit;
  const now = rt.clock.now();
  const result = await rt.counters.reserve(
    [{ key: `api-key:${keyId}`, limit: { max: limit } }],
    now,
    KEY_RATE_WINDOW_MS,
  );
  if (result.ok) return;
  const windowStart = result.refused[0]?.windowStart ?? now;
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((windowStart.getTime() + KEY_RATE_WINDOW_MS - now.getTime()) / 1000),
  );
  throw new AppError(
    'RATE_LIMITED',
    `This API key made too many requests; try again in ${retryAfterSeconds} seconds.`,
    {
      extra: { retryAfterSeconds, rateLimit: keyRatePolicy(limit) },
    },
  );
}
