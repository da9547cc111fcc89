import type { ActorContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { loadMemberships } from '@/server/modules/organizations/services/load-memberships';

/**
 * The signed-in user and their context in the active organization: the one named by
 * x-active-organization-id, else the only membership. An API caller naming an organization it is
 * not an active member of gets 403; the browser's remembered choice just falls back.
 */
export async function getMe(ctx: ActorContext & { activeOrganizationId?: string }) {
  const { actor } = ctx;
  const memberships = await loadMemberships(ctx.rt.db, actor);
  const wanted = ctx.activeOrganizationId;
  let active = wanted ? memberships.find((m) => m._id === wanted) : undefined;
  if (wanted && !active && actor.channel === 'api') {
    throw new AppError('FORBIDDEN', 'You are not a member of the organization in x-active-organization-id.');
  }
  if (!active && (memberships.length === 1 || actor.channel === 'browser')) active = memberships[0];
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
    memberships: memberships.map((m) => ({ organizationId: m._id, name: m.name, status: 'active' as const })),
    activeOrganization: active ? { _id: active._id, name: active.name } : null,
    roles: active?.roles ?? [],
    permissions: active?.permissions ?? [],
    profiles: active?.profiles ?? [],
  };
}
