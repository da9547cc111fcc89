import 'server-only';
import { and, eq } from 'drizzle-orm';
import { invitations } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { transaction } from '@/server/core/transactions';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { invitationInvalid } from './join-organization';
import { deleteMembership, lockOrganization } from './member-rules';

/**
 * The invited person says no: the invitation and the invited membership (with any roles given
 * ahead of time) go, recorded in the organization's log. Only the invitee can decline; anyone
 * else's invitation is 404, like a missing one. An expired one can be declined too.
 */
export async function declineInvitation(ctx: UserContext, input: { organizationId: string }) {
  const { rt, meta, principal } = ctx;
  const now = rt.clock.now();
  const { organizationId } = input;
  await transaction(ctx, async (ctx) => {
    // The lock every membership change takes, so a concurrent role change cannot outlive the membership.
    await lockOrganization(ctx.db, { organizationId });
    const [invitation] = await ctx.db
      .select({ userId: invitations.userId })
      .from(invitations)
      .where(and(eq(invitations.organizationId, organizationId), eq(invitations.userId, principal.userId)));
    if (!invitation) throw invitationInvalid();
    const removed = await deleteMembership(ctx.db, organizationId, principal.userId, 'invited');
    if (!removed) throw invitationInvalid();
    await recordAuditEvent(
      ctx.db,
      meta,
      {
        action: 'member.invitation.declined',
        actorUserId: principal.userId,
        subjectUserId: principal.userId,
        organizationId,
        targetType: 'user',
        targetId: principal.userId,
        data: {},
      },
      now,
    );
  });
}
