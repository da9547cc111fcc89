import { errors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../errors';
import type { Keys } from './crypto';

export const ACCESS_TOKEN_TTL_MS = 15 * 60_000;
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3_600_000;

export type AccessClaims = { sid: string; restricted: boolean };

/** The access token only names the session; the session row decides on every request whether it still counts. */
export async function signAccessToken(
  keys: Keys,
  claims: AccessClaims,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + ACCESS_TOKEN_TTL_MS);
  const token = await new SignJWT({ sid: claims.sid, rst: claims.restricted ? 1 : 0 })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .setAudience('provena:api')
    .sign(keys.jwt);
  return { token, expiresAt };
}

export async function verifyAccessToken(keys: Keys, token: string, now: Date): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, keys.jwt, {
      algorithms: ['HS256'],
      audience: 'provena:api',
      currentDate: now,
    });
    if (typeof payload.sid !== 'string') throw new AppError('INVALID_TOKEN');
    return { sid: payload.sid, restricted: payload.rst === 1 };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof errors.JOSEError) throw new AppError('INVALID_TOKEN');
    throw error;
  }
}
