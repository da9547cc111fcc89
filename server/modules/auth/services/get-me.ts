import 'server-only';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { loadMemberships } from '@/server/modules/organizations/services/load-memberships';

/**
 * The signed-in user and their context in the active organization: the one named by
 * x-active-organization-id, else the only membership. An API caller naming an organization it is
 * not an active member of gets 403; the browser's remembered choice just falls back.
 */
export async function getMe(ctx: UserContext) {
  const { principal } = ctx;
  const memberships = await loadMemberships(ctx.db, principal);
  const wanted = ctx.organization?.id;
  let active = wanted ? memberships.find((m) => m._id === wanted) : undefined;
  if (wanted && !active && principal.session.channel === 'api') {
    throw new AppError('FORBIDDEN', 'You are not a member of the organization in x-active-organization-id.');
  }
  if (!active && (memberships.length === 1 || principal.session.channel === 'browser'))
    active = memberships[0];
  return {
    user: {
      _id: principal.userId,
      email: principal.email,
      firstName: principal.firstName,
      lastName: principal.lastName,
      status: 'active' as const,
      passwordChangeRequired: principal.session.restricted,
      lastLoginAt: principal.lastLoginAt?.toISOString() ?? null,
      createdAt: principal.userCreatedAt.toISOString(),
      updatedAt: principal.userUpdatedAt.toISOString(),
      tfaEnabled: principal.tfaEnabled,
    },
    platformRoles: [...principal.platformRoles],
    memberships: memberships.map((m) => ({ organizationId: m._id, name: m.name, status: 'active' as const })),
    activeOrganization: active ? { _id: active._id, name: active.name } : null,
    roles: active?.roles ?? [],
    permissions: active?.permissions ?? [],
    profiles: active?.profiles ?? [],
  };
}
