import 'server-only';
import type { z } from 'zod';
import { users } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { isUniqueViolation } from '@/server/core/query/unique-violation';
import { transaction } from '@/server/core/transactions';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { findUserByEmail } from '@/server/modules/auth/services/find-user';
import { assertPasswordPolicy } from '@/server/modules/auth/services/set-password';
import type { adminUserCreateInput } from '../schemas';
import { applyRoleLinks } from './change-role-links';
import { loadUserDetail } from './user-detail';

export const EMAIL_UNIQUE_INDEX = 'users_email_lower_key';

/**
 * #25: a user with a temporary password (changed at the first sign-in) and the given role links,
 * which make them a member of the organizations named, exactly as #27 would.
 */
export async function createUser(ctx: UserContext, input: z.infer<typeof adminUserCreateInput>) {
  const { rt } = ctx;
  const email = input.email.trim();
  assertPasswordPolicy(input.password, { email });
  // argon2 runs before the transaction, so it never holds a database connection
  const passwordHash = await rt.hasher.hash(input.password);
  try {
    return await transaction(ctx, async (ctx) => {
      if (await findUserByEmail(ctx.db, email)) throw new AppError('EMAIL_TAKEN');
      const now = rt.clock.now();
      const [user] = await ctx.db
        .insert(users)
        .values({
          email,
          firstName: input.firstName ?? '',
          lastName: input.lastName ?? '',
          passwordHash,
          passwordChangeRequired: true,
          passwordChangedAt: now,
        })
        .returning({ id: users.id });
      await recordAuditEvent(ctx.db, ctx.meta, {
        action: 'admin.user.created',
        actorUserId: ctx.principal.userId,
        subjectUserId: user!.id,
        targetType: 'user',
        targetId: user!.id,
        data: { email },
      });
      await applyRoleLinks(ctx.db, ctx, user!.id, input.roleLinks ?? []);
      return loadUserDetail(ctx.db, user!.id);
    });
  } catch (error) {
    // two creations of the same email at once: the check above passed for both, the index did not
    if (isUniqueViolation(error, EMAIL_UNIQUE_INDEX)) throw new AppError('EMAIL_TAKEN');
    throw error;
  }
}
