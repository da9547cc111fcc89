import { and, eq, exists, getTableColumns } from 'drizzle-orm';
import { tfaMethods, users } from '@/db/schema';
import type { ActorContext } from '../../context';
import { AppError } from '../../errors';
import { presentUser } from './presenters';

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
  const activeTfa = rt.db
    .select({ id: tfaMethods.id })
    .from(tfaMethods)
    .where(and(eq(tfaMethods.userId, users.id), eq(tfaMethods.status, 'active')));
  const [user] = await rt.db
    .select({ ...getTableColumns(users), tfaEnabled: exists(activeTfa) })
    .from(users)
    .where(eq(users.id, actor.userId));
  return {
    user: { ...presentUser(user!), tfaEnabled: Boolean(user!.tfaEnabled) },
    platformRoles: [...actor.platformRoles],
    memberships,
    activeOrganization: null,
    roles: [] as string[],
    permissions: [] as string[],
    profiles: [] as unknown[],
  };
}
