import 'server-only';
import { and, eq, gt, like, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { invitations, organizationMembers, organizations, roleLinks, users } from '@/db/schema';
import { ORGANIZATION_MEMBER } from '@/server/core/access/catalog';
import type { RequestMeta } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';

/** 404 for an invitation that is unknown, used, expired or someone else's: they all look alike. */
export const invitationInvalid = (message?: string) => new AppError('INVITATION_INVALID', message);

/**
 * Deletes the live invitation `match` selects (by token, or by organization and user) and returns
 * whose it was. Of two concurrent spends, the second finds no row to delete: one membership, one
 * event. A refusal after the delete rolls back, so the invitation stays unspent.
 */
export async function spendInvitation(tx: Db, match: SQL, now: Date, invalid: () => AppError) {
  const [spent] = await tx
    .delete(invitations)
    .where(and(match, gt(invitations.expiresAt, now)))
    .returning({ organizationId: invitations.organizationId, userId: invitations.userId });
  if (!spent) throw invalid();
  // Archived or disabled since the invitation was read.
  const [live] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .innerJoin(users, eq(users.id, spent.userId))
    .where(
      and(
        eq(organizations.id, spent.organizationId),
        eq(organizations.status, 'active'),
        eq(users.status, 'active'),
      ),
    );
  if (!live) throw invalid();
  return spent;
}

export type SpentInvitation = Awaited<ReturnType<typeof spendInvitation>>;

/**
 * The invited membership becomes active, recorded as member.joined. Someone invited without an
 * organization role gets the member role; one invited with a role keeps exactly that one (never
 * administrator and member at once: one organization role per person).
 */
export async function joinOrganization(
  tx: Db,
  meta: RequestMeta,
  spent: SpentInvitation,
  now: Date,
  data: Record<string, unknown>,
) {
  const { organizationId, userId } = spent;
  await tx
    .update(organizationMembers)
    .set({ status: 'active', joinedAt: now, updatedAt: now })
    .where(
      and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)),
    );
  const [held] = await tx
    .select({ roleCode: roleLinks.roleCode })
    .from(roleLinks)
    .where(
      and(
        eq(roleLinks.userId, userId),
        eq(roleLinks.entityType, 'organization'),
        eq(roleLinks.entityId, organizationId),
        like(roleLinks.roleCode, 'default.%'),
      ),
    )
    .limit(1);
  if (!held)
    await tx
      .insert(roleLinks)
      .values({ userId, roleCode: ORGANIZATION_MEMBER, entityType: 'organization', entityId: organizationId })
      .onConflictDoNothing();
  await recordAuditEvent(
    tx,
    meta,
    {
      action: 'member.joined',
      actorUserId: userId,
      subjectUserId: userId,
      organizationId,
      targetType: 'user',
      targetId: userId,
      data,
    },
    now,
  );
}
