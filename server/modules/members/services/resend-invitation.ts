import 'server-only';
import { and, eq } from 'drizzle-orm';
import { organizationMembers, organizations, users } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { loadMember } from './member-query';
import { invitationMailLimit } from './member-rules';
import { sendInvitation } from './send-invitation';

/**
 * #18: a new link with a new 7-day term; the old link stops working. The member row is locked so
 * a concurrent acceptance either finishes first (then this is 409 NOT_INVITED) or finds its
 * token replaced.
 */
export async function resendInvitation(ctx: UserContext, input: { organizationId: string; userId: string }) {
  const { rt, meta, principal } = ctx;
  const now = rt.clock.now();
  const { organizationId, userId } = input;
  const limit = invitationMailLimit(ctx, `user:${userId}`);
  await limit.assertAllowed();
  const resent = await limit.transaction(async (ctx) => {
    await authorize(ctx, 'members.invite', { organizationId });
    const [member] = await ctx.db
      .select({
        status: organizationMembers.status,
        email: users.email,
        organizationName: organizations.name,
      })
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
      .where(
        and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)),
      )
      .for('update', { of: organizationMembers });
    if (!member) throw new AppError('MEMBER_NOT_FOUND');
    if (member.status !== 'invited') throw new AppError('NOT_INVITED', 'This member has already joined.');
    await sendInvitation(ctx.db, ctx, { organizationId, userId, ...member }, now);
    await recordAuditEvent(
      ctx.db,
      meta,
      {
        action: 'member.invitation.resent',
        actorUserId: principal.userId,
        subjectUserId: userId,
        organizationId,
        targetType: 'user',
        targetId: userId,
        data: { email: member.email },
      },
      now,
    );
    return loadMember(ctx.db, organizationId, userId);
  });
  await limit.recordSent();
  return resent;
}
