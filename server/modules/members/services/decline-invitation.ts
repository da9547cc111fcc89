import { and, eq } from 'drizzle-orm';
import { invitations } from '@/db/schema';
import type { ActorContext } from '@/server/core/context';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { invitationInvalid } from './join-organization';
import { deleteMembership, lockOrganization } from './member-rules';

/**
 * The invited person says no: the invitation and the invited membership (with any roles given
 * ahead of time) go, recorded in the organization's log. Only the invitee can decline; anyone
 * else's invitation is 404, like a missing one. An expired one can be declined too.
 */
export async function declineInvitation(ctx: ActorContext, input: { organizationId: string }) {
  const { rt, meta, actor } = ctx;
  const now = rt.clock.now();
  const { organizationId } = input;
  await rt.db.transaction(async (tx) => {
    // The lock every membership change takes, so a concurrent role change cannot outlive the membership.
    await lockOrganization(tx, { organizationId });
    const [invitation] = await tx
      .select({ userId: invitations.userId })
      .from(invitations)
      .where(and(eq(invitations.organizationId, organizationId), eq(invitations.userId, actor.userId)));
    if (!invitation) throw invitationInvalid();
    const removed = await deleteMembership(tx, organizationId, actor.userId, 'invited');
    if (!removed) throw invitationInvalid();
    await recordAuditEvent(
      tx,
      meta,
      {
        action: 'member.invitation.declined',
        actorUserId: actor.userId,
        subjectUserId: actor.userId,
        organizationId,
        targetType: 'user',
        targetId: actor.userId,
        data: {},
      },
      now,
    );
  });
}
