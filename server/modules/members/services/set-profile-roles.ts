import type { z } from 'zod';
import type { ActorContext } from '@/server/core/context';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import type { profileRolesInput } from '../schemas';
import { lockAndAuthorize, replaceRoleLinks, requireMember } from './member-rules';

/** #20: the person's roles on one profile, replaced whole; they must belong to its organization. */
export async function setProfileRoles(ctx: ActorContext, input: z.infer<typeof profileRolesInput>) {
  const { rt, meta, actor } = ctx;
  const now = rt.clock.now();
  const { profileId, userId } = input;
  return rt.db.transaction(async (tx) => {
    const access = await lockAndAuthorize(tx, actor, 'members.manage', { profileId });
    const { organizationId } = access;
    await requireMember(tx, organizationId, userId);
    const change = await replaceRoleLinks(tx, {
      userId,
      entityType: 'organization_profile',
      entityId: profileId,
      desired: input.roleCodes,
      held: access.permissions,
      createdBy: actor.userId,
    });
    if (change.added.length || change.removed.length) {
      await recordAuditEvent(
        tx,
        meta,
        {
          action: 'member.profile_roles.changed',
          actorUserId: actor.userId,
          subjectUserId: userId,
          organizationId,
          targetType: 'organization_profile',
          targetId: profileId,
          data: { profileId, added: change.added, removed: change.removed },
        },
        now,
      );
    }
    return { profileId, userId, roleCodes: change.roleCodes };
  });
}
