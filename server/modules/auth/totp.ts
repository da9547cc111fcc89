import 'server-only';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

const TOTP_ISSUER = 'Provena';
/** One 30-second step of clock drift either way, as authenticator apps drift. */
const DRIFT_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export async function describeTotpSecret(secret: string, email: string) {
  const otpauthUrl = generateURI({ issuer: TOTP_ISSUER, label: email, secret });
  const qrCode = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  return { otpauthUrl, qrCode };
}

/**
 * Returns the time step the code belongs to, or null. A step at or before `lastUsedStep` is refused,
 * so a code that was accepted once (or an older one) never works again.
 */
export async function matchTotp(options: {
  secret: string;
  code: string;
  now: Date;
  lastUsedStep: number | null;
}): Promise<number | null> {
  if (!/^\d{6}$/.test(options.code)) return null;
  const result = await verify({
    secret: options.secret,
    token: options.code,
    epoch: Math.floor(options.now.getTime() / 1000),
    epochTolerance: DRIFT_SECONDS,
    ...(options.lastUsedStep !== null ? { afterTimeStep: options.lastUsedStep } : {}),
  });
  if (!result.valid) return null;
  // otplib's union also covers HOTP results, which have no time step.
  return 'timeStep' in result ? (result.timeStep as number) : null;
}
