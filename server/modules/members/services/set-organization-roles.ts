import 'server-only';
import type { z } from 'zod';
import type { Access } from '@/server/core/access/authorize';
import { isDefaultRole, ORGANIZATION_ADMIN } from '@/server/core/access/catalog';
import type { UserContext } from '@/server/core/context';
import { transaction } from '@/server/core/transactions';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import type { organizationRolesInput } from '../schemas';
import {
  assertOrganizationKeepsAdmin,
  lockAndAuthorize,
  replaceRoleLinks,
  requireMember,
  roleCodesOn,
} from './member-rules';

type OrganizationRolesInput = z.infer<typeof organizationRolesInput>;

/**
 * #19: defaultRoleCodes replaces the person's default.* roles on the organization and roleCodes
 * the others; an absent list leaves its family as it is. Invited members may be given roles
 * ahead of time: they grant nothing until the invitation is accepted.
 */
export async function setOrganizationRoles(ctx: UserContext, input: OrganizationRolesInput) {
  const { organizationId } = input;
  return transaction(ctx, async (ctx) => {
    const access = await lockAndAuthorize(ctx, 'members.manage', { organizationId });
    const member = await requireMember(ctx.db, organizationId, input.userId);
    return applyOrganizationRoles(ctx, access, input, member.status);
  });
}

/**
 * The change of #19 inside the caller's transaction, after its lock and authorization: the grant
 * rule, the last-admin rule (for an active member) and the audit event.
 */
export async function applyOrganizationRoles(
  ctx: UserContext,
  access: Access,
  input: OrganizationRolesInput,
  memberStatus: 'active' | 'invited',
) {
  const { rt, meta, principal } = ctx;
  const now = rt.clock.now();
  const { organizationId, userId } = input;
  const scope = { userId, entityType: 'organization' as const, entityId: organizationId };
  const current = await roleCodesOn(ctx.db, scope);
  const desired = [
    ...(input.defaultRoleCodes ?? current.filter(isDefaultRole)),
    ...(input.roleCodes ?? current.filter((c) => !isDefaultRole(c))),
  ];
  const change = await replaceRoleLinks(ctx.db, {
    ...scope,
    desired,
    held: access.permissions,
    createdBy: principal.userId,
  });
  if (memberStatus === 'active' && change.removed.includes(ORGANIZATION_ADMIN))
    await assertOrganizationKeepsAdmin(ctx.db, organizationId);
  if (change.added.length || change.removed.length) {
    await recordAuditEvent(
      ctx.db,
      meta,
      {
        action: 'member.roles.changed',
        actorUserId: principal.userId,
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
}
