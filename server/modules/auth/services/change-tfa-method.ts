import { and, eq } from 'drizzle-orm';
import { recoveryCodes, tfaMethods } from '@/db/schema';
import type { ActorContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { enqueueEmail } from '@/server/modules/mail/services/enqueue-email';
import { emails } from '@/server/modules/mail/templates';
import { presentTfaMethod } from './presenters';
import { verifyOwnPassword } from './verify-own-password';
import { activeTfaMethods } from './verify-second-factor';

/**
 * Disables (kept, no longer required) or removes (deleted) one of the caller's methods, after
 * the password. When no active method remains, the recovery codes go too.
 */
export async function changeTfaMethod(
  ctx: ActorContext,
  input: { tfaId: string; password: string },
  change: 'disabled' | 'removed',
) {
  const { rt, actor } = ctx;
  await verifyOwnPassword(ctx, input.password);
  return rt.db.transaction(async (tx) => {
    const own = and(eq(tfaMethods.id, input.tfaId), eq(tfaMethods.userId, actor.userId));
    const [method] =
      change === 'removed'
        ? await tx.delete(tfaMethods).where(own).returning()
        : await tx
            .update(tfaMethods)
            .set({ status: 'disabled', updatedAt: rt.clock.now() })
            .where(own)
            .returning();
    if (!method) throw new AppError('TFA_NOT_FOUND');
    if ((await activeTfaMethods(tx, actor.userId)).length === 0) {
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.userId));
    }
    await recordAuditEvent(tx, ctx.meta, {
      action: change === 'removed' ? 'auth.tfa.removed' : 'auth.tfa.disabled',
      actorUserId: actor.userId,
      subjectUserId: actor.userId,
      targetType: 'tfa_method',
      targetId: method.id,
    });
    await enqueueEmail(tx, rt, actor.email, emails.tfaChanged(change), rt.clock.now());
    return presentTfaMethod(method);
  });
}

export async function listTfaMethods(ctx: ActorContext) {
  const rows = await ctx.rt.db
    .select()
    .from(tfaMethods)
    .where(eq(tfaMethods.userId, ctx.actor.userId))
    .orderBy(tfaMethods.createdAt);
  return { items: rows.map(presentTfaMethod) };
}
