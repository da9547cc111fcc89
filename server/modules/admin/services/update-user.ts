import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { isUniqueViolation } from '@/server/core/query/unique-violation';
import { transaction } from '@/server/core/transactions';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { normalizeEmail } from '@/server/modules/auth/services/find-user';
import { presentUser } from '@/server/modules/auth/services/presenters';
import { revokeEmailedSecrets } from '@/server/modules/auth/services/revoke-emailed-secrets';
import { revokeSessions } from '@/server/modules/auth/services/revoke-sessions';
import type { adminUserUpdateInput } from '../users/schemas';
import { EMAIL_UNIQUE_INDEX } from './create-user';
import { assertNotLastPlatformAdmin } from './platform-admins';

type Input = z.infer<typeof adminUserUpdateInput>;

/** The index decides in the end (a concurrent change is caught below); this gives the usual case its 409 early. */
async function assertEmailFree(tx: Db, email: string, userId: string) {
  const [other] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${normalizeEmail(email)}`, ne(users.id, userId)));
  if (other) throw new AppError('EMAIL_TAKEN');
}

/**
 * #26: absent fields stay. Disabling ends every session at once and blocks sign-in; an admin
 * cannot disable themselves (they would lock themselves out mid-request), and the platform keeps
 * an active platform.admin. A new email kills the reset link and login code mailed to the old one.
 */
export async function updateUser(ctx: UserContext, input: Input) {
  const { rt, principal } = ctx;
  if (input.status === 'disabled' && input._id === principal.userId)
    throw new AppError('CANNOT_DISABLE_SELF', 'You cannot disable your own account.');
  try {
    return await transaction(ctx, async (ctx) => {
      if (input.status === 'disabled') await assertNotLastPlatformAdmin(ctx.db, input._id);
      const [user] = await ctx.db.select().from(users).where(eq(users.id, input._id)).for('update');
      if (!user) throw new AppError('USER_NOT_FOUND');
      const email = input.email?.trim();
      if (email !== undefined) await assertEmailFree(ctx.db, email, user.id);
      const next = {
        firstName: input.firstName ?? user.firstName,
        lastName: input.lastName ?? user.lastName,
        email: email ?? user.email,
        status: input.status ?? user.status,
      };
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== user[k]);
      if (changed.length === 0) return presentUser(user);
      const now = rt.clock.now();
      const [updated] = await ctx.db
        .update(users)
        .set({ ...next, updatedAt: now })
        .where(eq(users.id, user.id))
        .returning();
      if (changed.includes('status') && next.status === 'disabled')
        await revokeSessions(ctx.db, { userId: user.id, reason: 'user-disabled', now });
      if (changed.includes('email')) await revokeEmailedSecrets(ctx.db, user.id);
      await recordAuditEvent(ctx.db, ctx.meta, {
        action: 'admin.user.updated',
        actorUserId: principal.userId,
        subjectUserId: user.id,
        targetType: 'user',
        targetId: user.id,
        data: { changed, ...(changed.includes('status') ? { status: next.status } : {}) },
      });
      return presentUser(updated!);
    });
  } catch (error) {
    if (isUniqueViolation(error, EMAIL_UNIQUE_INDEX)) throw new AppError('EMAIL_TAKEN');
    throw error;
  }
}
