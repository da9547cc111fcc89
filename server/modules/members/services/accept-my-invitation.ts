import { and, eq } from 'drizzle-orm';
import { invitations, organizations } from '@/db/schema';
import type { ActorContext } from '@/server/core/context';
import { invitationInvalid, joinOrganization, spendInvitation } from './join-organization';

/**
 * A signed-in user accepts one of their own invitations from the dashboard: the session proves
 * who they are, so no password is asked. Anyone else's invitation is 404, like a missing one.
 */
export async function acceptMyInvitation(ctx: ActorContext, input: { organizationId: string }) {
  const { rt, meta, actor } = ctx;
  const now = rt.clock.now();
  const { organizationId } = input;
  const mine = and(eq(invitations.organizationId, organizationId), eq(invitations.userId, actor.userId))!;
  return rt.db.transaction(async (tx) => {
    const spent = await spendInvitation(tx, mine, now, () => invitationInvalid());
    await joinOrganization(tx, meta, spent, now, { via: 'dashboard' });
    const [organization] = await tx
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    return { organizationId, organizationName: organization!.name, email: actor.email };
  });
}
