import 'server-only';
import type { z } from 'zod';
import type { UserContext } from '@/server/core/context';
import { transaction } from '@/server/core/transactions';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import type { profileRolesInput } from '../schemas';
import { lockAndAuthorize, replaceRoleLinks, requireMember } from './member-rules';

/** #20: the person's roles on one profile, replaced whole; they must belong to its organization. */
export async function setProfileRoles(ctx: UserContext, input: z.infer<typeof profileRolesInput>) {
  const { rt, meta, principal } = ctx;
  const now = rt.clock.now();
  const { profileId, userId } = input;
  return transaction(ctx, async (ctx) => {
    const access = await lockAndAuthorize(ctx, 'members.manage', { profileId });
    const { organizationId } = access;
    await requireMember(ctx.db, organizationId, userId);
    const change = await replaceRoleLinks(ctx.db, {
      userId,
      entityType: 'organization_profile',
      entityId: profileId,
      desired: input.roleCodes,
      held: access.permissions,
      createdBy: principal.userId,
    });
    if (change.added.length || change.removed.length) {
      await recordAuditEvent(
        ctx.db,
        meta,
        {
          action: 'member.profile_roles.changed',
          actorUserId: principal.userId,
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
