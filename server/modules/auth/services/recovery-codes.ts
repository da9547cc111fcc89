import 'server-only';
import { and, count, eq, isNull } from 'drizzle-orm';
import { recoveryCodes } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { replaceRecoveryCodes } from './activate-tfa-method';
import { verifyOwnPassword } from './verify-own-password';
import { activeTfaMethods } from './verify-second-factor';

/** How many of the caller's recovery codes are left (and how many the set had). */
export async function recoveryCodesStatus(ctx: UserContext) {
  const [all] = await ctx.db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(eq(recoveryCodes.userId, ctx.principal.userId));
  const [unused] = await ctx.db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, ctx.principal.userId), isNull(recoveryCodes.usedAt)));
  return { unused: unused?.n ?? 0, total: all?.n ?? 0 };
}

/**
 * A new set of 10 recovery codes for an account with two-factor sign-in on, after the password:
 * every earlier code, used or not, stops working in the same transaction.
 */
export async function regenerateRecoveryCodes(ctx: UserContext, input: { password: string }) {
  // before the transaction: the limiter writes through the runtime's database
  await verifyOwnPassword(ctx, input.password);
  return transaction(ctx, async (ctx) => {
    if ((await activeTfaMethods(ctx.db, ctx.principal.userId)).length === 0)
      throw new AppError('TFA_NOT_ACTIVE');
    const codes = await replaceRecoveryCodes(ctx.db, ctx);
    await recordAuditEvent(ctx.db, ctx.meta, {
      action: 'auth.recovery_codes.regenerated',
      actorUserId: ctx.principal.userId,
      subjectUserId: ctx.principal.userId,
    });
    return { recoveryCodes: codes };
  });
}
