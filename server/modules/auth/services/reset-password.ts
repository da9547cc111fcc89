import 'server-only';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { passwordResets } from '@/db/schema';
import type { RequestContext } from '@/server/core/context';
import { sha256 } from '@/server/core/crypto';
import { AppError } from '@/server/core/errors';
import { enqueueJob } from '@/server/jobs/enqueue-job';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { enqueueEmail } from '@/server/modules/mail/services/enqueue-email';
import { emails } from '@/server/modules/mail/templates';
import { findUserById, normalizeEmail } from './find-user';
import { revokeEmailedSecrets } from './revoke-emailed-secrets';
import { revokeSessions } from './revoke-sessions';
import { assertPasswordPolicy, storePasswordHash } from './set-password';

/**
 * Emails a single-use reset link; the same answer whether the email is known or not. The request
 * only queues a job, for every email alike; the job (sendPasswordReset) resolves the user.
 */
export async function requestPasswordReset(ctx: RequestContext, input: { email: string }) {
  const { rt, meta } = ctx;
  const email = normalizeEmail(input.email);
  await rt.limiter.reserve('reset', { ip: meta.ip, email });
  await enqueueJob(ctx.db, 'mail.password-reset', { email, request: meta }, { now: rt.clock.now() });
  return { status: 'sent' as const };
}

/** The active user a live, unspent reset token belongs to. */
async function findResetUser(db: Db, tokenHash: string, now: Date) {
  const [reset] = await db
    .select({ userId: passwordResets.userId })
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, tokenHash), gt(passwordResets.expiresAt, now)));
  const user = reset && (await findUserById(db, reset.userId));
  return user?.status === 'active' ? user : undefined;
}

/**
 * Sets the new password and ends every session. TFA is untouched: the next sign-in still asks
 * for the second factor, so a mailbox alone does not take over an account. The token is checked
 * before hashing (argon2 runs outside the transaction) and spent inside it, where the user is
 * checked again: of concurrent completions exactly one deletes the row.
 */
export async function completePasswordReset(ctx: RequestContext, input: { token: string; password: string }) {
  const { rt, meta } = ctx;
  const attempt = await rt.limiter.reserve('reset', { ip: meta.ip });
  const now = rt.clock.now();
  const tokenHash = sha256(input.token);
  const found = await findResetUser(ctx.db, tokenHash, now);
  if (found) assertPasswordPolicy(input.password, { email: found.email });
  const passwordHash = found && (await rt.hasher.hash(input.password));
  const userId = passwordHash
    ? await ctx.db.transaction((tx) => spendAndSetPassword(tx, ctx, tokenHash, passwordHash))
    : null;
  if (!userId) {
    throw new AppError('LINK_INVALID', 'The reset link is invalid, used or expired; ask for a new one.');
  }
  await attempt.succeeded();
}

/** Spends the token (null when a concurrent completion spent it first) and sets the new password. */
async function spendAndSetPassword(tx: Db, ctx: RequestContext, tokenHash: string, passwordHash: string) {
  const { rt, meta } = ctx;
  const now = rt.clock.now();
  const [reset] = await tx
    .delete(passwordResets)
    .where(and(eq(passwordResets.tokenHash, tokenHash), gt(passwordResets.expiresAt, now)))
    .returning();
  const user = reset && (await findUserById(tx, reset.userId));
  if (user?.status !== 'active') return null;
  await storePasswordHash(tx, rt, user.id, passwordHash, false);
  await revokeEmailedSecrets(tx, user.id);
  await revokeSessions(tx, { userId: user.id, reason: 'password-reset', now });
  await recordAuditEvent(tx, meta, { action: 'auth.password.reset.completed', subjectUserId: user.id });
  await enqueueEmail(tx, rt, user.email, emails.passwordChanged('reset'), now);
  return user.id;
}
