import 'server-only';
import { randomUUID } from 'node:crypto';
import { DAY } from '@/server/core/clock';
import { hmac, safeEqual } from '@/server/core/crypto';

/** A sign-in proves legitimacy for this long: the device skips the per-email delay meanwhile. */
export const DEVICE_TOKEN_TTL_MS = 90 * DAY;
export const DEVICE_COOKIE = 'provena-device';

/**
 * `d1.<user id>.<device id>.<issued at, ms>.<HMAC>`: stateless, so checking it costs no query.
 * It only lifts the per-email delay, never the per-IP or per-email+IP limits, so a stolen one
 * buys an attacker no more guesses than one IP gets anyway.
 */
export function signDeviceToken(key: Buffer, userId: string, now: Date): string {
  const body = `d1.${userId}.${randomUUID()}.${now.getTime()}`;
  return `${body}.${hmac(key, body)}`;
}

/** Whether `token` is a live device token this deployment issued for `userId`. */
export function isDeviceTokenFor(key: Buffer, token: string | undefined, userId: string, now: Date): boolean {
  if (!token) return false;
  const parts = token.split('.');
  if (parts.length !== 5 || parts[0] !== 'd1') return false;
  const body = parts.slice(0, 4).join('.');
  if (!safeEqual(parts[4]!, hmac(key, body)) || parts[1] !== userId) return false;
  const age = now.getTime() - Number(parts[3]);
  return age >= 0 && age < DEVICE_TOKEN_TTL_MS;
}
