import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { organizationMembers, organizations, roleLinks, users } from '@/db/schema';
import type { ActorContext } from '../../context';
import { emails } from '../../email/templates';
import { AppError } from '../../errors';
import type { inviteInput } from '../../organizations/member-schemas';
import { authorize } from '../../rbac/authorize';
import { ORGANIZATION_MEMBER } from '../../rbac/catalog';
import { recordAuditEvent } from '../audit/record-audit-event';
import { findUserByEmail, normalizeEmail } from '../auth/find-user';
import { enqueueEmail } from '../email/enqueue-email';
import { loadMember } from './member-query';
import { invitationMailLimit } from './member-rules';
import { actorName, sendInvitation } from './send-invitation';

type InviteInput = z.infer<typeof inviteInput>;
type Invitee = Parameters<typeof sendInvitation>[2];

/**
 * #17. A new email gets an account without a password and an invitation link; a person who
 * already has an account (a password) joins at once as a member and is told by email, since
 * there is nothing for them to set up. Someone already invited or active is a 409.
 */
export async function inviteMember(ctx: ActorContext, input: InviteInput) {
  const { rt, meta, actor } = ctx;
  const now = rt.clock.now();
  const { organizationId } = input;
  const limit = invitationMailLimit(ctx, normalizeEmail(input.email));
  await limit.assertAllowed();
  const invited = await limit.transaction(async (tx) => {
    await authorize(tx, actor, 'members.invite', { organizationId });
    const [organization] = await tx
      .select({ name: organizations.name, status: organizations.status })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    // Only platform staff can reach an archived organization here; an invitation into it would grant nothing.
    if (organization!.status === 'archive')
      throw new AppError('CONFLICT', 'The organization is archived: restore it before inviting people.');
    const user = await findOrCreateUser(tx, input, now);
    const joinsAtOnce = user.passwordHash !== null;
    const [member] = await tx
      .insert(organizationMembers)
      .values({
        organizationId,
        userId: user.id,
        status: joinsAtOnce ? 'active' : 'invited',
        invitedBy: actor.userId,
        joinedAt: joinsAtOnce ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!member) throw new AppError('ALREADY_MEMBER', `${user.email} is already a member or invited.`);
    const invite = {
      organizationId,
      organizationName: organization!.name,
      userId: user.id,
      email: user.email,
    };
    if (joinsAtOnce) await addExistingAccount(tx, ctx, invite, now);
    else await sendInvitation(tx, ctx, invite, now);
    await recordAuditEvent(
      tx,
      meta,
      {
        action: joinsAtOnce ? 'member.added' : 'member.invited',
        actorUserId: actor.userId,
        subjectUserId: user.id,
        organizationId,
        targetType: 'user',
        targetId: user.id,
        data: { email: user.email, newAccount: user.created },
      },
      now,
    );
    return loadMember(tx, organizationId, user.id);
  });
  await limit.recordSent();
  return invited;
}

/** Someone with a password joins at once as a member; the email only tells them where to look. */
async function addExistingAccount(tx: Db, ctx: ActorContext, invite: Invitee, now: Date) {
  await tx.insert(roleLinks).values({
    userId: invite.userId,
    roleCode: ORGANIZATION_MEMBER,
    entityType: 'organization',
    entityId: invite.organizationId,
    createdBy: ctx.actor.userId,
  });
  const link = `${ctx.rt.config.appUrl}/`;
  const mail = emails.organizationAdded({ ...invite, invitedBy: actorName(ctx.actor), link });
  await enqueueEmail(tx, invite.email, mail, now);
}

/** A concurrent invite of the same new email inserts nothing here and reads the other's row. */
async function findOrCreateUser(tx: Db, input: InviteInput, now: Date) {
  const email = normalizeEmail(input.email);
  const existing = await findUserByEmail(tx, email);
  if (existing) return { ...existing, created: false };
  const [created] = await tx
    .insert(users)
    .values({ email, firstName: input.firstName, lastName: input.lastName, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning();
  if (created) return { ...created, created: true };
  return { ...(await findUserByEmail(tx, email))!, created: false };
}
