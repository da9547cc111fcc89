import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { recoveryCodes, tfaMethods, users } from '@/db/schema';
import type { adminTfaRemoveInput, userIdInput } from '../../admin/schemas';
import type { ActorContext } from '../../context';
import { emails } from '../../email/templates';
import { AppError } from '../../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { presentTfaMethod } from '../auth/presenters';
import { activeTfaMethods } from '../auth/verify-second-factor';
import { enqueueEmail } from '../email/enqueue-email';

async function findUser(db: Db, userId: string) {
  const [user] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new AppError('USER_NOT_FOUND');
  return user;
}

/** #33: the user's methods without their secrets. */
export async function listUserTfaMethods(ctx: ActorContext, input: z.infer<typeof userIdInput>) {
  const user = await findUser(ctx.rt.db, input.userId);
  const rows = await ctx.rt.db
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
export async function removeUserTfaMethod(ctx: ActorContext, input: z.infer<typeof adminTfaRemoveInput>) {
  const { rt } = ctx;
  await rt.db.transaction(async (tx) => {
    const user = await findUser(tx, input.userId);
    const [method] = await tx
      .delete(tfaMethods)
      .where(and(eq(tfaMethods.id, input.tfaId), eq(tfaMethods.userId, user.id)))
      .returning();
    if (!method) throw new AppError('TFA_NOT_FOUND');
    if ((await activeTfaMethods(tx, user.id)).length === 0)
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await recordAuditEvent(tx, ctx.meta, {
      action: 'admin.user.tfa.removed',
      actorUserId: ctx.actor.userId,
      subjectUserId: user.id,
      targetType: 'tfa_method',
      targetId: method.id,
    });
    await enqueueEmail(tx, rt, user.email, emails.tfaChanged('removed'), rt.clock.now());
  });
}
