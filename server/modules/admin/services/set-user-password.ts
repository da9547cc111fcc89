import 'server-only';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { revokeEmailedSecrets } from '@/server/modules/auth/services/revoke-emailed-secrets';
import { revokeSessions } from '@/server/modules/auth/services/revoke-sessions';
import { assertPasswordPolicy, storePasswordHash } from '@/server/modules/auth/services/set-password';
import { enqueueEmail } from '@/server/modules/mail/services/enqueue-email';
import { emails } from '@/server/modules/mail/templates';
import type { adminSetPasswordInput, userIdInput } from '../users/schemas';

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
export async function setUserPassword(ctx: UserContext, input: z.infer<typeof adminSetPasswordInput>) {
  const { rt } = ctx;
  const [found] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, input.userId));
  if (!found) throw new AppError('USER_NOT_FOUND');
  assertPasswordPolicy(input.password, { email: found.email });
  const passwordHash = await rt.hasher.hash(input.password);
  await transaction(ctx, async (ctx) => {
    const user = await lockUser(ctx.db, input.userId);
    assertPasswordPolicy(input.password, { email: user.email });
    const now = rt.clock.now();
    await storePasswordHash(ctx.db, rt, user.id, passwordHash, true);
    await revokeEmailedSecrets(ctx.db, user.id);
    const sessions = await revokeSessions(ctx.db, { userId: user.id, reason: 'password-set-by-admin', now });
    await recordAuditEvent(ctx.db, ctx.meta, {
      action: 'admin.user.password.set',
      actorUserId: ctx.principal.userId,
      subjectUserId: user.id,
      targetType: 'user',
      targetId: user.id,
      data: { sessionsRevoked: sessions },
    });
    await enqueueEmail(ctx.db, rt, user.email, emails.passwordChanged('set by an administrator'), now);
  });
}

/** #31: every session of the user ends at once (access and refresh tokens, browser cookies too). */
export async function revokeUserSessions(ctx: UserContext, input: z.infer<typeof userIdInput>) {
  const { rt } = ctx;
  await transaction(ctx, async (ctx) => {
    const user = await lockUser(ctx.db, input.userId);
    const sessions = await revokeSessions(ctx.db, {
      userId: user.id,
      reason: 'revoked-by-admin',
      now: rt.clock.now(),
    });
    await recordAuditEvent(ctx.db, ctx.meta, {
      action: 'admin.user.sessions.revoked',
      actorUserId: ctx.principal.userId,
      subjectUserId: user.id,
      targetType: 'user',
      targetId: user.id,
      data: { sessionsRevoked: sessions },
    });
  });
}
