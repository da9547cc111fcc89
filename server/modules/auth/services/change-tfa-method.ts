import 'server-only';
import { and, eq } from 'drizzle-orm';
import { recoveryCodes, tfaMethods } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
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
  ctx: UserContext,
  input: { tfaId: string; password: string },
  change: 'disabled' | 'removed',
) {
  const { rt, principal } = ctx;
  await verifyOwnPassword(ctx, input.password);
  return transaction(ctx, async (ctx) => {
    const own = and(eq(tfaMethods.id, input.tfaId), eq(tfaMethods.userId, principal.userId));
    const [method] =
      change === 'removed'
        ? await ctx.db.delete(tfaMethods).where(own).returning()
        : await ctx.db
            .update(tfaMethods)
            .set({ status: 'disabled', updatedAt: rt.clock.now() })
            .where(own)
            .returning();
    if (!method) throw new AppError('TFA_NOT_FOUND');
    if ((await activeTfaMethods(ctx.db, principal.userId)).length === 0) {
      await ctx.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, principal.userId));
    }
    await recordAuditEvent(ctx.db, ctx.meta, {
      action: change === 'removed' ? 'auth.tfa.removed' : 'auth.tfa.disabled',
      actorUserId: principal.userId,
      subjectUserId: principal.userId,
      targetType: 'tfa_method',
      targetId: method.id,
    });
    await enqueueEmail(ctx.db, rt, principal.email, emails.tfaChanged(change), rt.clock.now());
    return presentTfaMethod(method);
  });
}

export async function listTfaMethods(ctx: UserContext) {
  const rows = await ctx.db
    .select()
    .from(tfaMethods)
    .where(eq(tfaMethods.userId, ctx.principal.userId))
    .orderBy(tfaMethods.createdAt);
  return { items: rows.map(presentTfaMethod) };
}
