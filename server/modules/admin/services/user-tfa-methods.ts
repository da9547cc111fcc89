import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { recoveryCodes, tfaMethods, users } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { presentTfaMethod } from '@/server/modules/auth/services/presenters';
import { activeTfaMethods } from '@/server/modules/auth/services/verify-second-factor';
import { enqueueEmail } from '@/server/modules/mail/services/enqueue-email';
import { emails } from '@/server/modules/mail/templates';
import type { adminTfaRemoveInput, userIdInput } from '../users/schemas';

async function findUser(db: Db, userId: string) {
  const [user] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new AppError('USER_NOT_FOUND');
  return user;
}

/** #33: the user's methods without their secrets. */
export async function listUserTfaMethods(ctx: UserContext, input: z.infer<typeof userIdInput>) {
  const user = await findUser(ctx.db, input.userId);
  const rows = await ctx.db
    .select()
    .from(tfaMethods)
    .where(eq(tfaMethods.userId, user.id))
    .orderBy(asc(tfaMethods.createdAt), asc(tfaMethods.id));
  return { items: rows.map(presentTfaMethod) };
}

/**
 * #34: for a user who lost their authenticator. A method of another user is 404 like a missing
 * one; when no active method remains the recovery codes go too, as when users remove their own.
 */
export async function removeUserTfaMethod(ctx: UserContext, input: z.infer<typeof adminTfaRemoveInput>) {
  const { rt } = ctx;
  await transaction(ctx, async (ctx) => {
    const user = await findUser(ctx.db, input.userId);
    const [method] = await ctx.db
      .delete(tfaMethods)
      .where(and(eq(tfaMethods.id, input.tfaId), eq(tfaMethods.userId, user.id)))
      .returning();
    if (!method) throw new AppError('TFA_NOT_FOUND');
    if ((await activeTfaMethods(ctx.db, user.id)).length === 0)
      await ctx.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await recordAuditEvent(ctx.db, ctx.meta, {
      action: 'admin.user.tfa.removed',
      actorUserId: ctx.principal.userId,
      subjectUserId: user.id,
      targetType: 'tfa_method',
      targetId: method.id,
    });
    await enqueueEmail(ctx.db, rt, user.email, emails.tfaChanged('removed'), rt.clock.now());
  });
}
