import 'server-only';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import { type AuditAction, recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { deleteMembership, findMember, lockAndAuthorize, lockOrganization } from './member-rules';

type MemberInput = { organizationId: string; userId: string };

/**
 * #47 remove: the membership, its invitation and every role the person holds on the organization
 * and its profiles go at once. Removing yourself is refused (400): leaving is its own action, so
 * an administrator cannot drop out of an organization by a slip of the member list.
 */
export async function removeMember(ctx: UserContext, input: MemberInput) {
  const { organizationId, userId } = input;
  await transaction(ctx, async (ctx) => {
    await lockAndAuthorize(ctx, 'members.manage', { organizationId });
    if (userId === ctx.principal.userId) {
      throw new AppError('VALIDATION_FAILED', 'To remove yourself, leave the organization.', {
        errors: [{ path: 'userId', message: 'is you: use POST /organization-users/leave' }],
      });
    }
    const removed = await deleteMembership(ctx.db, organizationId, userId);
    if (!removed) throw new AppError('MEMBER_NOT_FOUND');
    await audit(ctx, ctx.db, 'member.removed', input, removed);
  });
}

/** #47 cancel: only a pending invitation; the person's account stays. */
export async function cancelInvitation(ctx: UserContext, input: MemberInput) {
  const { organizationId, userId } = input;
  await transaction(ctx, async (ctx) => {
    await lockAndAuthorize(ctx, 'members.invite', { organizationId });
    const member = await findMember(ctx.db, organizationId, userId);
    if (!member) throw new AppError('MEMBER_NOT_FOUND');
    // Conditional on 'invited': an acceptance that lands first turns this into NOT_INVITED.
    const removed =
      member.status === 'invited' && (await deleteMembership(ctx.db, organizationId, userId, 'invited'));
    if (!removed) throw new AppError('NOT_INVITED', 'This member has already joined; remove them instead.');
    await audit(ctx, ctx.db, 'member.invitation.cancelled', input, removed);
  });
}

/**
 * #47 leave: any active member of an active organization, as long as an active administrator
 * remains. Leaving needs no permission, only the membership (the DELETE's WHERE clause): a member
 * whose roles were all taken away must still be able to go. Anything else is 404, as authorize
 * answers for an organization one does not belong to.
 */
export async function leaveOrganization(ctx: UserContext, input: { organizationId: string }) {
  const { organizationId } = input;
  const userId = ctx.principal.userId;
  await transaction(ctx, async (ctx) => {
    const organization = await lockOrganization(ctx.db, { organizationId });
    const removed =
      organization?.status === 'active' && (await deleteMembership(ctx.db, organizationId, userId, 'active'));
    if (!removed) throw new AppError('ORGANIZATION_NOT_FOUND');
    await audit(ctx, ctx.db, 'member.left', { organizationId, userId }, removed);
  });
}

type Removed = NonNullable<Awaited<ReturnType<typeof deleteMembership>>>;

function audit(
  ctx: UserContext,
  tx: Parameters<typeof deleteMembership>[0],
  action: AuditAction,
  input: MemberInput,
  removed: Removed,
) {
  return recordAuditEvent(
    tx,
    ctx.meta,
    {
      action,
      actorUserId: ctx.principal.userId,
      subjectUserId: input.userId,
      organizationId: input.organizationId,
      targetType: 'user',
      targetId: input.userId,
      data: {
        status: removed.status,
        roleLinks: removed.links.map((l) => ({
          roleCode: l.roleCode,
          entityType: l.entityType,
          entityId: l.entityId,
        })),
      },
    },
    ctx.rt.clock.now(),
  );
}
