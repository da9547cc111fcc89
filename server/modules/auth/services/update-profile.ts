import 'server-only';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { presentUser } from './presenters';

/** The signed-in person's own first and last name; nothing else of the account changes. */
export async function updateProfile(ctx: UserContext, input: { firstName: string; lastName: string }) {
  return transaction(ctx, async (ctx) => {
    const { userId } = ctx.principal;
    const [before] = await ctx.db
      .select({ firstName: users.firstName, lastName: users.lastName })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!before) throw new AppError('NOT_FOUND', 'No such user.');
    const [updated] = await ctx.db
      .update(users)
      .set({ firstName: input.firstName, lastName: input.lastName, updatedAt: ctx.rt.clock.now() })
      .where(eq(users.id, userId))
      .returning();
    if (!updated) throw new AppError('NOT_FOUND', 'No such user.');
    if (before.firstName !== input.firstName || before.lastName !== input.lastName)
      await recordAuditEvent(ctx.db, ctx.meta, {
        action: 'auth.profile.updated',
        actorUserId: userId,
        subjectUserId: userId,
        targetType: 'user',
        targetId: userId,
        data: { before, after: { firstName: input.firstName, lastName: input.lastName } },
      });
    return presentUser(updated);
  });
}
