import 'server-only';
import type { z } from 'zod';
import type { UserContext } from '@/server/core/context';
import { transaction } from '@/server/core/transactions';
import type { memberRolesInput } from '../schemas';
import { lockAndAuthorize, requireMember } from './member-rules';
import { applyOrganizationRoles } from './set-organization-roles';
import { applyProfileRoles } from './set-profile-roles';

/**
 * The role dialog's one Save: #19 and #20 for one person in one transaction, so either every
 * change holds or none does (a refused profile role leaves the organization role as it was).
 * Each part keeps its own rules and audit event; profiles not named keep their roles.
 */
export async function setMemberRoles(ctx: UserContext, input: z.infer<typeof memberRolesInput>) {
  const { organizationId, userId } = input;
  return transaction(ctx, async (ctx) => {
    const access = await lockAndAuthorize(ctx, 'members.manage', { organizationId });
    const member = await requireMember(ctx.db, organizationId, userId);
    const organization = await applyOrganizationRoles(ctx, access, input, member.status);
    const profileRoles = [];
    for (const profile of input.profileRoles ?? []) {
      profileRoles.push(
        await applyProfileRoles(
          ctx,
          { profileId: profile.profileId, userId, roleCodes: profile.roleCodes },
          { organizationId, memberChecked: true },
        ),
      );
    }
    return {
      ...organization,
      profileRoles: profileRoles.map((p) => ({ profileId: p.profileId, roleCodes: p.roleCodes })),
    };
  });
}
