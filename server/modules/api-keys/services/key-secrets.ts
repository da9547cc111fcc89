import 'server-only';
import { randomToken, safeEqual, sha256 } from '@/server/core/crypto';
import { CLIENT_ID_PREFIX } from '../catalog';

/** A new public client id: the prefix and 128 random bits. */
export const newClientId = () => `${CLIENT_ID_PREFIX}${randomToken(16)}`;

/** A new client key: 256 random bits, base64url. Shown once, stored only as `hashClientKey`. */
export const newClientKey = () => randomToken(32);

/** SHA-256 hex: 256 random bits make a slow hash pointless, and lookups stay cheap. */
export const hashClientKey = (clientKey: string) => sha256(clientKey);

/** Compared against when the client id is unknown, so that case does the same work. */
const DECOY_HASH = sha256('provena:no-such-api-key');

/**
 * Whether `clientKey` is the key behind `storedHash` (or the decoy when there is no key), compared
 * in constant time so the answer's timing says nothing about how much of the hash matched.
 */
export const clientKeyMatches = (clientKey: string, storedHash: string | undefined) =>
  safeEqual(hashClientKey(clientKey), storedHash ?? DECOY_HASH) && storedHash !== undefined;
