import 'server-only';
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  randomInt,
  timingSafeEqual,
} from 'node:crypto';

export type Keys = Readonly<{
  jwt: Buffer;
  totpEncryption: Buffer;
  codeHmac: Buffer;
  outboxEncryption: Buffer;
  /** keys rate-limit counters, so the table holds no email or IP in clear */
  rateLimitKey: Buffer;
  /** signs device tokens (a prior sign-in exempts that device from the per-email delay) */
  deviceToken: Buffer;
  nextAuth: string;
}>;

/** Each purpose gets its own key from AUTH_SECRET (HKDF-SHA256, one label each), so no key serves twice. */
export function deriveKeys(authSecret: string): Keys {
  const derive = (label: string) =>
    Buffer.from(hkdfSync('sha256', authSecret, 'provena', `provena:${label}:v1`, 32));
  return Object.freeze({
    jwt: derive('jwt'),
    totpEncryption: derive('totp-encryption'),
    codeHmac: derive('code-hmac'),
    outboxEncryption: derive('outbox-encryption'),
    rateLimitKey: derive('rate-limit-key'),
    deviceToken: derive('device-token'),
    nextAuth: derive('next-auth').toString('base64url'),
  });
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export const hmac = (key: Buffer, value: string) => createHmac('sha256', key).update(value).digest('hex');

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** A string of `length` decimal digits, uniformly drawn. */
export const randomDigits = (length: number) => Array.from({ length }, () => randomInt(10)).join('');

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * AES-256-GCM; output is iv.tag.ciphertext in base64url. `aad` binds the ciphertext to its context
 * (e.g. a row's id and recipient): the same bytes moved elsewhere no longer open.
 */
export function encrypt(key: Buffer, plaintext: string, aad?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  if (aad !== undefined) cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function decrypt(key: Buffer, sealed: string, aad?: string): string {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv!);
  decipher.setAuthTag(tag!);
  if (aad !== undefined) decipher.setAAD(Buffer.from(aad, 'utf8'));
  return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
}
