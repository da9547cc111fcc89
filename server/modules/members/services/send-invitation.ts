import 'server-only';
import type { Db } from '@/db/client';
import { invitations } from '@/db/schema';
import { DAY } from '@/server/core/clock';
import type { UserContext } from '@/server/core/context';
import { randomToken, sha256 } from '@/server/core/crypto';
import { enqueueEmail } from '@/server/modules/mail/services/enqueue-email';
import { emails } from '@/server/modules/mail/templates';

const INVITATION_TTL_MS = 7 * DAY;

const actorName = (principal: UserContext['principal']) =>
  `${principal.firstName} ${principal.lastName}`.trim() || principal.email;

/**
 * Issues a fresh token for the member's invitation and emails its link. The row is keyed by
 * (organization, user), so a resend replaces the hash and the previous link stops working.
 * Only the SHA-256 of the token is stored: the token has 256 bits, so a slow hash adds nothing.
 * The same mail goes to a new email and to an existing account: either joins only by accepting.
 */
export async function sendInvitation(
  tx: Db,
  ctx: UserContext,
  invite: {
    organizationId: string;
    organizationName: string;
    userId: string;
    email: string;
    /** the names the inviter typed, at the first invitation (a resend keeps them) */
    names?: { firstName: string; lastName: string };
  },
  now: Date,
) {
  const token = randomToken(32);
  const values = {
    tokenHash: sha256(token),
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    createdBy: ctx.principal.userId,
    createdAt: now,
  };
  await tx
    .insert(invitations)
    .values({ organizationId: invite.organizationId, userId: invite.userId, ...invite.names, ...values })
    .onConflictDoUpdate({ target: [invitations.organizationId, invitations.userId], set: values });
  const link = `${ctx.rt.config.appUrl}/accept-invitation?token=${encodeURIComponent(token)}`;
  const email = emails.invitation({
    organizationName: invite.organizationName,
    invitedBy: actorName(ctx.principal),
    link,
    expiresAt: values.expiresAt,
  });
  await enqueueEmail(tx, ctx.rt, invite.email, email, now);
  return { expiresAt: values.expiresAt };
}
