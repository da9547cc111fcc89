import 'server-only';
import { and, eq } from 'drizzle-orm';
import { invitations, organizations } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { transaction } from '@/server/core/transactions';
import { invitationInvalid, joinOrganization, spendInvitation } from './join-organization';

/**
 * A signed-in user accepts one of their own invitations from the dashboard: the session proves
 * who they are, so no password is asked. Anyone else's invitation is 404, like a missing one.
 */
export async function acceptMyInvitation(ctx: UserContext, input: { organizationId: string }) {
  const { rt, meta, principal } = ctx;
  const now = rt.clock.now();
  const { organizationId } = input;
  const mine = and(eq(invitations.organizationId, organizationId), eq(invitations.userId, principal.userId))!;
  return transaction(ctx, async (ctx) => {
    const spent = await spendInvitation(ctx.db, mine, now, () => invitationInvalid());
    await joinOrganization(ctx.db, meta, spent, now, { via: 'dashboard' });
    const [organization] = await ctx.db
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    return { organizationId, organizationName: organization!.name, email: principal.email };
  });
}
