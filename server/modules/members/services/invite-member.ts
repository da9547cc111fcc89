import 'server-only';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { organizationMembers, organizations, users } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { findUserByEmail, normalizeEmail } from '@/server/modules/auth/services/find-user';
import type { inviteInput } from '../schemas';
import { invitationMailLimit } from './member-rules';
import { sendInvitation } from './send-invitation';

type InviteInput = z.infer<typeof inviteInput>;

/**
 * #17. Every email gets an invited membership and an emailed accept link; nobody joins without
 * accepting (from the link, or from the dashboard when signed in). A new email also gets an
 * account without a password. The answer and the audit event hold only what the inviter typed,
 * the same for a new email and an existing account, so inviting reveals nobody's account or
 * names. Someone already invited or active is a 409.
 */
export async function inviteMember(ctx: UserContext, input: InviteInput) {
  const { rt, meta, principal } = ctx;
  const now = rt.clock.now();
  const { organizationId, firstName, lastName } = input;
  const email = normalizeEmail(input.email);
  const limit = invitationMailLimit(ctx, normalizeEmail(input.email));
  await limit.assertAllowed();
  const invited = await limit.transaction(async (ctx) => {
    await authorize(ctx, 'members.invite', { organizationId });
    const [organization] = await ctx.db
      .select({ name: organizations.name, status: organizations.status })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    // Only platform staff can reach an archived organization here; an invitation into it would grant nothing.
    if (organization!.status === 'archive')
      throw new AppError(
        'ORGANIZATION_ARCHIVED',
        'The organization is archived: restore it before inviting people.',
      );
    const userId = await findOrCreateUser(ctx.db, { email, firstName, lastName }, now);
    const [member] = await ctx.db
      .insert(organizationMembers)
      .values({
        organizationId,
        userId,
        status: 'invited',
        invitedBy: principal.userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!member) throw new AppError('ALREADY_MEMBER', `${email} is already a member or invited.`);
    const invite = { organizationId, organizationName: organization!.name, userId, email };
    const { expiresAt } = await sendInvitation(
      ctx.db,
      ctx,
      { ...invite, names: { firstName, lastName } },
      now,
    );
    await recordAuditEvent(
      ctx.db,
      meta,
      {
        action: 'member.invited',
        actorUserId: principal.userId,
        subjectUserId: userId,
        organizationId,
        targetType: 'user',
        targetId: userId,
        data: { email },
      },
      now,
    );
    return {
      _id: userId,
      email,
      firstName,
      lastName,
      status: 'invited' as const,
      roles: [],
      profileRoles: [],
      invitedAt: now.toISOString(),
      joinedAt: null,
      invitationExpiresAt: expiresAt.toISOString(),
    };
  });
  await limit.recordSent();
  return invited;
}

/** A concurrent invite of the same new email inserts nothing here and reads the other's row. */
async function findOrCreateUser(
  tx: Db,
  person: { email: string; firstName: string; lastName: string },
  now: Date,
) {
  const existing = await findUserByEmail(tx, person.email);
  if (existing) return existing.id;
  const [created] = await tx
    .insert(users)
    .values({ ...person, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: users.id });
  return created?.id ?? (await findUserByEmail(tx, person.email))!.id;
}
