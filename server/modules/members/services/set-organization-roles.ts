import type { z } from 'zod';
import { isDefaultRole, ORGANIZATION_ADMIN } from '@/server/core/access/catalog';
import type { ActorContext } from '@/server/core/context';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import type { organizationRolesInput } from '../schemas';
import {
  assertOrganizationKeepsAdmin,
  lockAndAuthorize,
  replaceRoleLinks,
  requireMember,
  roleCodesOn,
} from './member-rules';

/**
 * #19: defaultRoleCodes replaces the person's default.* roles on the organization and roleCodes
 * the others; an absent list leaves its family as it is. Invited members may be given roles
 * ahead of time: they grant nothing until the invitation is accepted.
 */
export async function setOrganizationRoles(ctx: ActorContext, input: z.infer<typeof organizationRolesInput>) {
  const { rt, meta, actor } = ctx;
  const now = rt.clock.now();
  const { organizationId, userId } = input;
  return rt.db.transaction(async (tx) => {
    const access = await lockAndAuthorize(tx, actor, 'members.manage', { organizationId });
    const member = await requireMember(tx, organizationId, userId);
    const scope = { userId, entityType: 'organization' as const, entityId: organizationId };
    const current = await roleCodesOn(tx, scope);
    const desired = [
      ...(input.defaultRoleCodes ?? current.filter(isDefaultRole)),
      ...(input.roleCodes ?? current.filter((c) => !isDefaultRole(c))),
    ];
    const change = await replaceRoleLinks(tx, {
      ...scope,
      desired,
      held: access.permissions,
      createdBy: actor.userId,
    });
    if (member.status === 'active' && change.removed.includes(ORGANIZATION_ADMIN))
      await assertOrganizationKeepsAdmin(tx, organizationId);
    if (change.added.length || change.removed.length) {
      await recordAuditEvent(
        tx,
        meta,
        {
          action: 'member.roles.changed',
          actorUserId: actor.userId,
          subjectUserId: userId,
          organizationId,
          targetType: 'organization',
          targetId: organizationId,
          data: { added: change.added, removed: change.removed },
        },
        now,
      );
    }
    return {
      organizationId,
      userId,
      defaultRoleCodes: change.roleCodes.filter(isDefaultRole),
      roleCodes: change.roleCodes.filter((c) => !isDefaultRole(c)),
    };
  });
}
