import 'server-only';
import { and, asc, eq, gt } from 'drizzle-orm';
import { invitations, organizationMembers, organizations, users } from '@/db/schema';
import type { UserContext } from '@/server/core/context';

/** The signed-in user's live invitations (unexpired, into active organizations), oldest first. */
export async function listMyInvitations(ctx: UserContext) {
  const { rt, principal } = ctx;
  const rows = await ctx.db
    .select({
      organizationId: invitations.organizationId,
      organizationName: organizations.name,
      inviterFirstName: users.firstName,
      inviterLastName: users.lastName,
      inviterEmail: users.email,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .innerJoin(
      organizationMembers,
      and(
        eq(organizationMembers.organizationId, invitations.organizationId),
        eq(organizationMembers.userId, invitations.userId),
      ),
    )
    .leftJoin(users, eq(users.id, invitations.createdBy))
    .where(
      and(
        eq(invitations.userId, principal.userId),
        gt(invitations.expiresAt, rt.clock.now()),
        eq(organizations.status, 'active'),
        eq(organizationMembers.status, 'invited'),
      ),
    )
    .orderBy(asc(invitations.createdAt), asc(invitations.organizationId));
  return {
    items: rows.map((r) => ({
      organizationId: r.organizationId,
      organizationName: r.organizationName,
      // The same name the invitation email gave.
      invitedBy:
        r.inviterEmail === null
          ? null
          : `${r.inviterFirstName} ${r.inviterLastName}`.trim() || r.inviterEmail,
      expiresAt: r.expiresAt.toISOString(),
    })),
  };
}
