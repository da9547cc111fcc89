import 'server-only';
import type { Clock } from '@/server/core/clock';
import { MINUTE } from '@/server/core/clock';
import { hmac } from '@/server/core/crypto';
import { AppError } from '@/server/core/errors';

export type Counter = { count: number; windowStart: Date; lastAt: Date };

/**
 * How far a counter may go before a reservation on it is refused: `max` counts in a window, a
 * delay that doubles from `delayFrom` counts (see delayMs), or `null` (counted, never refused).
 */
export type Limit = { max: number } | { delayFrom: number } | null;
export type Rule = { key: string; limit: Limit };

export type ReserveResult =
  | { ok: true; counts: ReadonlyMap<string, number> }
  | { ok: false; refused: readonly (Rule & Counter)[] };

/**
 * Where counters live: PostgreSQL by default, Redis when REDIS_URL is set; both are shared by all
 * instances. `reserve` is atomic per key: it counts the attempt on every key of the rules, or
 * (when one of them is over its limit) on none, and answers the counters that refused.
 */
export type CounterStore = {
  reserve(rules: readonly Rule[], now: Date, windowMs: number): Promise<ReserveResult>;
  /** Takes one count back from `giveBack` and deletes `clear`. */
  release(giveBack: readonly string[], clear: readonly string[]): Promise<void>;
  read(key: string, now: Date, windowMs: number): Promise<Counter | null>;
};

export const WINDOW_MS = 15 * MINUTE;
const PER_EMAIL_IP = 10;
const PER_IP = 100;
/** Per email alone there is never a lock, only a delay that doubles from the 5th failure, capped at 5 minutes. */
export const DELAY_FROM = 5;
export const MAX_DELAY_MS = 5 * MINUTE;
/** 2^9 s already passes the cap; bounding the exponent keeps the stores' arithmetic finite. */
export const MAX_DELAY_EXPONENT = 9;

/** The wait after `count` counted attempts under a `delayFrom` limit, measured from the last one. */
const delayMs = (count: number, delayFrom: number) =>
  Math.min(1000 * 2 ** Math.min(count - delayFrom, MAX_DELAY_EXPONENT), MAX_DELAY_MS);

/**
 * `invite` counts invitation mail: its "ip" slot holds the inviter (`user:<id>`) and its email slot
 * the recipient, so one inviter sends at most 100 a window and one address gets a growing delay.
 */
export type Bucket = 'login' | 'initiate' | 'reset' | 'refresh' | 'invite';
export type KeyKind = 'ip' | 'email-ip' | 'email';

/**
 * Counter keys hold no email or IP in clear: the bucket and kind stay readable (for operators),
 * the parts are an HMAC under a key derived from AUTH_SECRET.
 */
export const counterKey = (secret: Buffer, bucket: Bucket, kind: KeyKind, ...parts: string[]) =>
  `${bucket}:${kind}:${hmac(secret, JSON.stringify(parts))}`;

export type Attempt = {
  ip: string;
  email?: string;
  /** the caller proved it signed in to this email's account before: no per-email delay */
  trustedDevice?: boolean;
};

export type Reservation = {
  /** the per-email count this attempt reached; equal to DELAY_FROM once per crossing of the threshold */
  emailCount: number | undefined;
  /** The attempt succeeded: the email+IP counter is cleared, the other keys get their slot back. */
  succeeded(): Promise<void>;
  /** The attempt neither succeeded nor failed (e.g. a second factor is asked for): every slot goes back. */
  cancel(): Promise<void>;
};

export function createLimiter(store: CounterStore, clock: Clock, secret: Buffer) {
  const rulesFor = (bucket: Bucket, attempt: Attempt): Rule[] => {
    const { ip, email } = attempt;
    const rules: Rule[] = [{ key: counterKey(secret, bucket, 'ip', ip), limit: { max: PER_IP } }];
    if (email !== undefined) {
      rules.push({ key: counterKey(secret, bucket, 'email-ip', email, ip), limit: { max: PER_EMAIL_IP } });
      const limit = attempt.trustedDevice ? null : { delayFrom: DELAY_FROM };
      rules.push({ key: counterKey(secret, bucket, 'email', email), limit });
    }
    return rules;
  };

  return {
    /**
     * Counts the attempt before any work is done (so a concurrent burst cannot all pass a check
     * made before the failures are recorded), or throws 429 RATE_LIMITED with the seconds to wait.
     * Attempts that are not given back by `succeeded`/`cancel` stay counted as failures; buckets
     * that send mail never give them back, so every request counts.
     */
    async reserve(bucket: Bucket, attempt: Attempt): Promise<Reservation> {
      const now = clock.now();
      const rules = rulesFor(bucket, attempt);
      const result = await store.reserve(rules, now, WINDOW_MS);
      if (!result.ok) throw rateLimited(result.refused, now);
      const [ipKey, emailIpKey, emailKey] = rules.map((r) => r.key);
      const others = [ipKey!, ...(emailKey ? [emailKey] : [])];
      return {
        emailCount: emailKey ? result.counts.get(emailKey) : undefined,
        // The per-email slot goes back but the counter stays: if the owner's sign-in cleared it,
        // an attacker spread over many IPs would start afresh each time.
        succeeded: () => store.release(others, emailIpKey ? [emailIpKey] : []),
        cancel: () => store.release([...others, ...(emailIpKey ? [emailIpKey] : [])], []),
      };
    },
  };
}

export type Limiter = ReturnType<typeof createLimiter>;

function rateLimited(refused: readonly (Rule & Counter)[], now: Date): AppError {
  const waits = refused.map(({ limit, count, windowStart, lastAt }) =>
    limit && 'delayFrom' in limit
      ? lastAt.getTime() + delayMs(count, limit.delayFrom) - now.getTime()
      : windowStart.getTime() + WINDOW_MS - now.getTime(),
  );
  // A counter read just after a concurrent release may already be back under its limit.
  const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
  return new AppError('RATE_LIMITED', `Too many attempts; try again in ${retryAfterSeconds} seconds.`, {
    extra: { retryAfterSeconds },
  });
}
