import 'server-only';
import type { Db } from '@/db/client';
import { passwordResets } from '@/db/schema';
import { HOUR } from '@/server/core/clock';
import type { RequestContext, ServiceRuntime } from '@/server/core/context';
import { randomToken, sha256 } from '@/server/core/crypto';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { enqueueEmail } from '@/server/modules/mail/services/enqueue-email';
import { emails } from '@/server/modules/mail/templates';
import { findUserByEmail } from './find-user';

const RESET_TTL_MS = HOUR;

/**
 * The `mail.password-reset` job: an active user gets a single-use reset link by mail (a newer one
 * replaces it); an unknown or disabled email gets nothing. The audit event names the request that
 * asked (its IP and request id travel in the job's payload).
 */
export async function sendPasswordReset(ctx: RequestContext, email: string): Promise<void> {
  const { rt, meta, db: tx } = ctx;
  const user = await findUserByEmail(tx, email);
  if (user?.status !== 'active') return;
  const now = rt.clock.now();
  const { link, expiresAt } = await issuePasswordLink(tx, rt, user.id, now);
  await enqueueEmail(tx, rt, user.email, emails.passwordReset(link, expiresAt), now);
  await recordAuditEvent(tx, meta, { action: 'auth.password.reset.requested', subjectUserId: user.id });
}

/**
 * A fresh single-use link to /reset-password for the user (replacing any earlier one), valid for
 * RESET_TTL_MS; only the SHA-256 of its token is stored. Also the set-password link of an account
 * an administrator created without a password.
 */
export async function issuePasswordLink(tx: Db, rt: ServiceRuntime, userId: string, now: Date) {
  const token = randomToken(32);
  const values = {
    tokenHash: sha256(token),
    expiresAt: new Date(now.getTime() + RESET_TTL_MS),
    createdAt: now,
  };
  await tx
    .insert(passwordResets)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: passwordResets.userId, set: values });
  const link = `${rt.config.appUrl}/reset-password?token=${encodeURIComponent(token)}`;
  return { link, expiresAt: values.expiresAt };
}
