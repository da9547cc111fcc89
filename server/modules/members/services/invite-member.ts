import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { organizationMembers, organizations, users } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { findUserByEmail, normalizeEmail } from '@/server/modules/auth/services/find-user';
import type { inviteInput } from '../schemas';
import { invitationMailLimit, lockAndAuthorize } from './member-rules';
import { sendInvitation } from './send-invitation';
import { applyOrganizationRoles } from './set-organization-roles';
import { applyProfileRoles } from './set-profile-roles';

type InviteInput = z.infer<typeof inviteInput>;

/**
 * #17. Every email gets an invited membership and an emailed accept link; nobody joins without
 * accepting (from the link, or from the dashboard when signed in). A new email also gets an
 * account without a password. The answer and the audit event hold only what the inviter typed,
 * the same for a new email and an existing account, so inviting reveals nobody's account or
 * names. Someone already active is 409 ALREADY_MEMBER, someone only invited 409 ALREADY_INVITED
 * (with their userId, for a resend): both are people the inviter already sees in the members list.
 *
 * Roles asked for with the invitation (defaultRoleCodes, roleCodes, profileRoles) follow the rules
 * of #19/#20 (members.manage, grant only what you hold: else 403) and are granted in the same
 * transaction: a refused role sends no invitation.
 */
export async function inviteMember(ctx: UserContext, input: InviteInput) {
  const { rt, meta, principal } = ctx;
  const now = rt.clock.now();
  const { organizationId, firstName, lastName } = input;
  const email = normalizeEmail(input.email);
  const limit = invitationMailLimit(ctx, normalizeEmail(input.email));
  await limit.assertAllowed();
  const withRoles =
    input.defaultRoleCodes !== undefined || input.roleCodes !== undefined || input.profileRoles !== undefined;
  const invited = await limit.transaction(async (ctx) => {
    // With roles, the organization's lock first (every change to roles takes it first), then both checks.
    const roleAccess = withRoles
      ? await lockAndAuthorize(ctx, 'members.manage', { organizationId })
      : undefined;
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
    if (!member) await refuseExisting(ctx.db, organizationId, userId, email);
    let roles: string[] = [];
    let profileRoles: { profileId: string; roleCodes: string[] }[] = [];
    if (roleAccess) {
      const granted = await applyOrganizationRoles(
        ctx,
        roleAccess,
        { organizationId, userId, defaultRoleCodes: input.defaultRoleCodes, roleCodes: input.roleCodes },
        'invited',
      );
      roles = [...granted.defaultRoleCodes, ...granted.roleCodes].sort();
      for (const profile of input.profileRoles ?? []) {
        const change = await applyProfileRoles(
          ctx,
          { profileId: profile.profileId, userId, roleCodes: profile.roleCodes },
          { organizationId, memberChecked: true },
        );
        if (change.roleCodes.length) profileRoles.push(change);
      }
      profileRoles = profileRoles
        .map((p) => ({ profileId: p.profileId, roleCodes: p.roleCodes }))
        .sort((a, b) => a.profileId.localeCompare(b.profileId));
    }
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
      roles,
      profileRoles,
      invitedAt: now.toISOString(),
      joinedAt: null,
      invitationExpiresAt: expiresAt.toISOString(),
    };
  });
  await limit.recordSent();
  return invited;
}

/** The membership that made the insert a no-op: invited (a resend is the way) or active. */
async function refuseExisting(tx: Db, organizationId: string, userId: string, email: string): Promise<never> {
  const [existing] = await tx
    .select({ status: organizationMembers.status })
    .from(organizationMembers)
    .where(
      and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)),
    );
  if (existing?.status === 'invited')
    throw new AppError('ALREADY_INVITED', `${email} is already invited. Resend the invitation instead.`, {
      extra: { userId },
    });
  throw new AppError('ALREADY_MEMBER', `${email} is already a member of the organization.`);
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
