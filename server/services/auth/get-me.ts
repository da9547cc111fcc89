import type { ActorContext } from '../../context';
import { AppError } from '../../errors';

/**
 * The signed-in user and their context. Organizations and memberships arrive with their own
 * issue; until then a user is a member of none, so naming any active organization is 403.
 */
export async function getMe(ctx: ActorContext & { activeOrganizationId?: string }) {
  const { actor } = ctx;
  const memberships: { organizationId: string; name: string; status: string }[] = [];
  if (ctx.activeOrganizationId && !memberships.some((m) => m.organizationId === ctx.activeOrganizationId)) {
    throw new AppError('FORBIDDEN', 'You are not a member of the organization in x-active-organization-id.');
  }
  return {
    user: {
      _id: actor.userId,
      email: actor.email,
      firstName: actor.firstName,
      lastName: actor.lastName,
      status: 'active' as const,
      passwordChangeRequired: actor.restricted,
      lastLoginAt: actor.lastLoginAt?.toISOString() ?? null,
      createdAt: actor.userCreatedAt.toISOString(),
      updatedAt: actor.userUpdatedAt.toISOString(),
      tfaEnabled: actor.tfaEnabled,
    },
    platformRoles: [...actor.platformRoles],
    memberships,
    activeOrganization: null,
    roles: [] as string[],
    permissions: [] as string[],
    profiles: [] as unknown[],
  };
}
