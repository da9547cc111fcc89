import { and, eq, gt } from 'drizzle-orm';
import { passwordResets } from '@/db/schema';
import { sha256 } from '../../auth/crypto';
import type { ServiceContext } from '../../context';
import { emails } from '../../email/templates';
import { AppError } from '../../errors';
import { enqueueJob } from '../../jobs/enqueue-job';
import { recordAuditEvent } from '../audit/record-audit-event';
import { enqueueEmail } from '../email/enqueue-email';
import { findUserById, normalizeEmail } from './find-user';
import { revokeSessions } from './revoke-sessions';
import { assertPasswordPolicy, storePassword } from './set-password';

/**
 * Emails a single-use reset link; the same answer whether the email is known or not. The request
 * only queues a job, for every email alike; the job (sendPasswordReset) resolves the user.
 */
export async function requestPasswordReset(ctx: ServiceContext, input: { email: string }) {
  const { rt, meta } = ctx;
  const email = normalizeEmail(input.email);
  await rt.limiter.assertAllowed('reset', meta.ip, email);
  await rt.limiter.recordFailure('reset', meta.ip, email);
  await enqueueJob(rt.db, 'mail.password-reset', { email, request: meta }, { now: rt.clock.now() });
  return { status: 'sent' as const };
}

/**
 * Sets the new password and ends every session. TFA is untouched: the next sign-in still asks
 * for the second factor, so a mailbox alone does not take over an account.
 */
export async function completePasswordReset(ctx: ServiceContext, input: { token: string; password: string }) {
  const { rt, meta } = ctx;
  await rt.limiter.assertAllowed('reset', meta.ip);
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
    await enqueueEmail(tx, rt, user.email, emails.passwordChanged('reset'), now);
    return user.id;
  });
  if (!userId) {
    await rt.limiter.recordFailure('reset', meta.ip);
    throw new AppError('INVALID_TOKEN', 'The reset link is invalid, used or expired; ask for a new one.');
  }
}
