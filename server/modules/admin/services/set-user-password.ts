import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { ActorContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { revokeEmailedSecrets } from '@/server/modules/auth/services/revoke-emailed-secrets';
import { revokeSessions } from '@/server/modules/auth/services/revoke-sessions';
import { assertPasswordPolicy, storePasswordHash } from '@/server/modules/auth/services/set-password';
import { enqueueEmail } from '@/server/modules/mail/services/enqueue-email';
import { emails } from '@/server/modules/mail/templates';
import type { adminSetPasswordInput, userIdInput } from '../schemas';

async function lockUser(tx: Db, userId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!user) throw new AppError('USER_NOT_FOUND');
  return user;
}

/**
 * #29: the new password is temporary (the user changes it at the next sign-in), every session
 * ends, and any login code or reset link still out there dies with the old password. The hash is
 * made before the row is locked; the policy is checked again under the lock, since it depends on
 * the email, which may have changed meanwhile (cheap, unlike the hash).
 */
export async function setUserPassword(ctx: ActorContext, input: z.infer<typeof adminSetPasswordInput>) {
  const { rt } = ctx;
  const [found] = await rt.db.select({ email: users.email }).from(users).where(eq(users.id, input.userId));
  if (!found) throw new AppError('USER_NOT_FOUND');
  assertPasswordPolicy(input.password, { email: found.email });
  const passwordHash = await rt.hasher.hash(input.password);
  await rt.db.transaction(async (tx) => {
    const user = await lockUser(tx, input.userId);
    assertPasswordPolicy(input.password, { email: user.email });
    const now = rt.clock.now();
    await storePasswordHash(tx, rt, user.id, passwordHash, true);
    await revokeEmailedSecrets(tx, user.id);
    const sessions = await revokeSessions(tx, { userId: user.id, reason: 'password-set-by-admin', now });
    await recordAuditEvent(tx, ctx.meta, {
      action: 'admin.user.password.set',
      actorUserId: ctx.actor.userId,
      subjectUserId: user.id,
      targetType: 'user',
      targetId: user.id,
      data: { sessionsRevoked: sessions },
    });
    await enqueueEmail(tx, rt, user.email, emails.passwordChanged('set by an administrator'), now);
  });
}

/** #31: every session of the user ends at once (access and refresh tokens, browser cookies too). */
export async function revokeUserSessions(ctx: ActorContext, input: z.infer<typeof userIdInput>) {
  const { rt } = ctx;
  await rt.db.transaction(async (tx) => {
    const user = await lockUser(tx, input.userId);
    const sessions = await revokeSessions(tx, {
      userId: user.id,
      reason: 'revoked-by-admin',
      now: rt.clock.now(),
    });
    await recordAuditEvent(tx, ctx.meta, {
      action: 'admin.user.sessions.revoked',
      actorUserId: ctx.actor.userId,
      subjectUserId: user.id,
      targetType: 'user',
      targetId: user.id,
      data: { sessionsRevoked: sessions },
    });
  });
}
