import { and, eq, gt } from 'drizzle-orm';
import { passwordResets } from '@/db/schema';
import { randomToken, sha256 } from '../../auth/crypto';
import { HOUR } from '../../clock';
import type { ServiceContext } from '../../context';
import { emails } from '../../email/templates';
import { AppError } from '../../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { enqueueEmail } from '../email/enqueue-email';
import { findUserByEmail, findUserById, normalizeEmail } from './find-user';
import { revokeSessions } from './revoke-sessions';
import { assertPasswordPolicy, storePassword } from './set-password';

const RESET_TTL_MS = HOUR;

/** Emails a single-use reset link; the same answer whether the email is known or not. */
export async function requestPasswordReset(ctx: ServiceContext, input: { email: string }) {
  const { rt, meta } = ctx;
  const email = normalizeEmail(input.email);
  await rt.limiter.reserve('reset', { ip: meta.ip, email });
  await rt.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (user?.status !== 'active') return;
    const token = randomToken(32);
    const now = rt.clock.now();
    const values = {
      tokenHash: sha256(token),
      expiresAt: new Date(now.getTime() + RESET_TTL_MS),
      createdAt: now,
    };
    await tx
      .insert(passwordResets)
      .values({ userId: user.id, ...values })
      .onConflictDoUpdate({ target: passwordResets.userId, set: values });
    const link = `${rt.config.appUrl}/reset-password?token=${encodeURIComponent(token)}`;
    await enqueueEmail(tx, user.email, emails.passwordReset(link), now);
    await recordAuditEvent(tx, meta, { action: 'auth.password.reset.requested', subjectUserId: user.id });
  });
  return { status: 'sent' as const };
}

/**
 * Sets the new password and ends every session. TFA is untouched: the next sign-in still asks
 * for the second factor, so a mailbox alone does not take over an account.
 */
export async function completePasswordReset(ctx: ServiceContext, input: { token: string; password: string }) {
  const { rt, meta } = ctx;
  const attempt = await rt.limiter.reserve('reset', { ip: meta.ip });
  const now = rt.clock.now();
  const userId = await rt.db.transaction(async (tx) => {
    const [reset] = await tx
      .delete(passwordResets)
      .where(and(eq(passwordResets.tokenHash, sha256(input.token)), gt(passwordResets.expiresAt, now)))
      .returning();
    const user = reset && (await findUserById(tx, reset.userId));
    if (user?.status !== 'active') return null;
    assertPasswordPolicy(input.password, { email: user.email });
    await storePassword(tx, rt, user.id, input.password, false);
    await revokeSessions(tx, { userId: user.id, reason: 'password-reset', now });
    await recordAuditEvent(tx, meta, { action: 'auth.password.reset.completed', subjectUserId: user.id });
    await enqueueEmail(tx, user.email, emails.passwordChanged('reset'), now);
    return user.id;
  });
  if (!userId) {
    throw new AppError('INVALID_TOKEN', 'The reset link is invalid, used or expired; ask for a new one.');
  }
  await attempt.succeeded();
}
