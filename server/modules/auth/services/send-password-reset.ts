import 'server-only';
import { passwordResets } from '@/db/schema';
import { HOUR } from '@/server/core/clock';
import type { RequestContext } from '@/server/core/context';
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
  await enqueueEmail(tx, rt, user.email, emails.passwordReset(link, values.expiresAt), now);
  await recordAuditEvent(tx, meta, { action: 'auth.password.reset.requested', subjectUserId: user.id });
}
