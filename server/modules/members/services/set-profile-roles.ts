import 'server-only';
import type { z } from 'zod';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import type { profileRolesInput } from '../schemas';
import { lockAndAuthorize, replaceRoleLinks, requireMember } from './member-rules';

type ProfileRolesInput = z.infer<typeof profileRolesInput>;

/** #20: the person's roles on one profile, replaced whole; they must belong to its organization. */
export async function setProfileRoles(ctx: UserContext, input: ProfileRolesInput) {
  return transaction(ctx, async (ctx) => applyProfileRoles(ctx, input));
}

/**
 * The change of #20 inside the caller's transaction: the lock and authorization on the profile,
 * the membership, the grant rule and the audit event. With `organizationId`, a profile of any
 * other organization is 404, like one that does not exist (a call names one organization).
 */
export async function applyProfileRoles(
  ctx: UserContext,
  input: ProfileRolesInput,
  options: { organizationId?: string; memberChecked?: boolean } = {},
) {
  const { rt, meta, principal } = ctx;
  const now = rt.clock.now();
  const { profileId, userId } = input;
  const access = await lockAndAuthorize(ctx, 'members.manage', { profileId });
  const { organizationId } = access;
  if (options.organizationId && options.organizationId !== organizationId)
    throw new AppError('PROFILE_NOT_FOUND');
  if (!options.memberChecked) await requireMember(ctx.db, organizationId, userId);
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
}
