import type { ActorContext } from '../../context';
import { AppError } from '../../errors';
import { findUserById } from './find-user';
import { presentUser } from './presenters';
import { activeTfaMethods } from './verify-second-factor';

/**
 * The signed-in user and their context. Organizations and memberships arrive with their own
 * issue; until then a user is a member of none, so naming any active organization is 403.
 */
export async function getMe(ctx: ActorContext & { activeOrganizationId?: string }) {
  const { rt, actor } = ctx;
  const memberships: { organizationId: string; name: string; status: string }[] = [];
  if (ctx.activeOrganizationId && !memberships.some((m) => m.organizationId === ctx.activeOrganizationId)) {
    throw new AppError('FORBIDDEN', 'You are not a member of the organization in x-active-organization-id.');
  }
  const [user, methods] = await Promise.all([
    findUserById(rt.db, actor.userId),
    activeTfaMethods(rt.db, actor.userId),
  ]);
  return {
    user: { ...presentUser(user!), tfaEnabled: methods.length > 0 },
    platformRoles: [...actor.platformRoles],
    memberships,
    activeOrganization: null,
    roles: [] as string[],
    permissions: [] as string[],
    profiles: [] as unknown[],
  };
}
