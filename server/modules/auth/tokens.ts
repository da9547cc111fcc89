import 'server-only';
import { createSigner, createVerifier, TokenError } from 'fast-jwt';
import type { Keys } from '@/server/core/crypto';
import { AppError } from '@/server/core/errors';

const ACCESS_TOKEN_TTL_MS = 15 * 60_000;
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3_600_000;
const AUDIENCE = 'provena:api';

export type AccessClaims = { sid: string; restricted: boolean };

/**
 * fast-jwt signs and verifies HS256 synchronously with node's HMAC, built once per key. (jose goes
 * through WebCrypto, whose work queues on libuv's thread pool behind argon2 during logins.)
 * Times come from our clock, not the library's: iat/exp are set here and exp is checked here.
 */
function codecFor(keys: Keys) {
  let codec = codecs.get(keys);
  if (!codec) {
    codec = {
      sign: createSigner({ key: keys.jwt, algorithm: 'HS256', noTimestamp: true }),
      verify: createVerifier({
        key: keys.jwt,
        algorithms: ['HS256'],
        allowedAud: AUDIENCE,
        ignoreExpiration: true,
        ignoreNotBefore: true,
        requiredClaims: ['sid', 'exp', 'aud'],
      }),
    };
    codecs.set(keys, codec);
  }
  return codec;
}
const codecs = new WeakMap<
  Keys,
  { sign: (payload: Record<string, unknown>) => string; verify: (token: string) => Record<string, unknown> }
>();

/** The access token only names the session; the session row decides on every request whether it still counts. */
export async function signAccessToken(
  keys: Keys,
  claims: AccessClaims,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + ACCESS_TOKEN_TTL_MS);
  const token = codecFor(keys).sign({
    sid: claims.sid,
    rst: claims.restricted ? 1 : 0,
    aud: AUDIENCE,
    iat: Math.floor(now.getTime() / 1000),
    exp: Math.floor(expiresAt.getTime() / 1000),
  });
  return { token, expiresAt };
}

export async function verifyAccessToken(keys: Keys, token: string, now: Date): Promise<AccessClaims> {
  let payload: Record<string, unknown>;
  try {
    payload = codecFor(keys).verify(token);
  } catch (error) {
    if (error instanceof TokenError) throw new AppError('INVALID_TOKEN');
    throw error;
  }
  const expired = typeof payload.exp !== 'number' || payload.exp * 1000 <= now.getTime();
  if (expired || typeof payload.sid !== 'string') throw new AppError('INVALID_TOKEN');
  return { sid: payload.sid, restricted: payload.rst === 1 };
}
