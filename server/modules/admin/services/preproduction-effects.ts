import 'server-only';
import { and, eq, gt, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  apiKeys,
  invitations,
  loginCodes,
  outbox,
  passwordResets,
  recoveryCodes,
  refreshTokens,
  sessions,
  tfaMethods,
  users,
} from '@/db/schema';
import { setMailDelivery } from '@/server/modules/mail/services/mail-delivery';
import type { PreproductionResetSummary } from '../preproduction/schemas';

/** The address a rewritten account gets: derived from its id, in RFC 2606's never-delivered `.invalid`. */
export const preproductionEmail = sql<string>`'user-' || ${users.id}::text || '@preproduction.invalid'`;

type Caller = { userId: string; sessionId: string };

/**
 * Every change of the reset, in the caller's transaction, each counted by the rows it changed.
 * `passwordHash` was made once, before the transaction, and every user gets that same hash: the
 * password is one shared temporary secret the operator hands out anyway (its salt protects
 * nothing a per-user salt would), and each account must replace it at its next sign-in; hashing
 * it per user would hold argon2 (tens of milliseconds each) for every account of the copy.
 */
export async function applyPreproductionReset(
  tx: Db,
  caller: Caller,
  passwordHash: string,
  now: Date,
): Promise<PreproductionResetSummary> {
  const everyone = await tx
    .update(users)
    .set({ passwordHash, passwordChangeRequired: true, passwordChangedAt: now, updatedAt: now })
    .returning({ id: users.id });
  // The caller keeps their address: the operator must still be reachable, and signs in with it.
  const rewritten = await tx
    .update(users)
    .set({ email: preproductionEmail, updatedAt: now })
    .where(and(ne(users.id, caller.userId), ne(users.email, preproductionEmail)))
    .returning({ id: users.id });
  // The caller's current session stays, so the operator is not signed out in the middle of it.
  const otherSessions = and(
    ne(sessions.id, caller.sessionId),
    isNull(sessions.revokedAt),
    gt(sessions.expiresAt, now),
  );
  const liveOtherTokens = await tx
    .update(refreshTokens)
    .set({ spentAt: now })
    .where(
      and(
        inArray(refreshTokens.sessionId, tx.select({ id: sessions.id }).from(sessions).where(otherSessions)),
        isNull(refreshTokens.spentAt),
        gt(refreshTokens.expiresAt, now),
      ),
    )
    .returning({ id: refreshTokens.sessionId });
  const endedSessions = await tx
    .update(sessions)
    .set({ revokedAt: now, revokedReason: 'preproduction-reset' })
    .where(otherSessions)
    .returning({ id: sessions.id });
  const keys = await tx
    .update(apiKeys)
    .set({ revokedAt: now, revokedBy: caller.userId, updatedAt: now })
    .where(isNull(apiKeys.revokedAt))
    .returning({ id: apiKeys.id });
  // Secrets copied from production must not survive: deleted, not merely disabled.
  const codes = await tx.delete(recoveryCodes).returning({ id: recoveryCodes.id });
  const methods = await tx.delete(tfaMethods).returning({ id: tfaMethods.id });
  const logins = await tx.delete(loginCodes).returning({ id: loginCodes.userId });
  const resets = await tx.delete(passwordResets).returning({ id: passwordResets.userId });
  // An invited member stays invited (an admin can resend); the emailed link dies.
  const invites = await tx
    .update(invitations)
    .set({ expiresAt: now })
    .where(gt(invitations.expiresAt, now))
    .returning({ id: invitations.userId });
  // Queued mail is held: locked here so a delivery claim running now skips it, then never claimed
  // again once the switch below commits (deliverOutbox reads it in its claim).
  const held = await tx
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, 'pending'),
        isNotNull(outbox.sealed),
        or(isNull(outbox.secretExpiresAt), gt(outbox.secretExpiresAt, now)),
      ),
    )
    .for('update');
  await setMailDelivery(tx, 'outbox', caller.userId, now);
  return {
    users: everyone.length,
    emailsRewritten: rewritten.length,
    sessionsRevoked: endedSessions.length,
    refreshTokensRevoked: liveOtherTokens.length,
    apiKeysRevoked: keys.length,
    tfaMethodsRemoved: methods.length,
    recoveryCodesRemoved: codes.length,
    loginCodesRevoked: logins.length,
    passwordResetsRevoked: resets.length,
    invitationsRevoked: invites.length,
    mailHeld: held.length,
    mailDelivery: 'outbox',
  };
}
