import 'server-only';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { invitations, organizations, users } from '@/db/schema';
import type { RequestContext } from '@/server/core/context';
import { sha256 } from '@/server/core/crypto';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import { normalizeEmail } from '@/server/modules/auth/services/find-user';
import { reserveLoginAttempt } from '@/server/modules/auth/services/reserve-login-attempt';
import { assertPasswordPolicy, storePasswordHash } from '@/server/modules/auth/services/set-password';
import { joinOrganization, spendInvitation } from './join-organization';

/** The one answer for a dead emailed link (unknown, used, expired, archived organization), as for reset links. */
const invalid = () =>
  new AppError('LINK_INVALID', 'This invitation link is invalid, used or expired; ask for a new one.');

/** A live invitation: not expired, of an active organization, for an account that is not disabled. */
async function findInvitation(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({
      organizationId: invitations.organizationId,
      organizationName: organizations.name,
      userId: invitations.userId,
      email: users.email,
      firstName: users.firstName,
      passwordHash: users.passwordHash,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(
      and(
        eq(invitations.tokenHash, tokenHash),
        gt(invitations.expiresAt, now),
        eq(organizations.status, 'active'),
        eq(users.status, 'active'),
      ),
    );
  return row;
}

/** What the accept page shows before the person commits: who, where, and whether to choose a password. */
export async function previewInvitation(ctx: RequestContext, input: { token: string }) {
  const invitation = await findInvitation(ctx.db, sha256(input.token), ctx.rt.clock.now());
  if (!invitation) throw invalid();
  return {
    organizationName: invitation.organizationName,
    email: invitation.email,
    firstName: invitation.firstName,
    needsPassword: invitation.passwordHash === null,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/**
 * Joins the organization. A person without a password chooses one here; one who already has a
 * password (they accepted another organization's invitation first) proves it instead, so a
 * leaked link cannot replace an existing password. The password work happens before the
 * transaction (argon2 must not hold a connection); the transaction then spends the token with a
 * DELETE ... RETURNING, so of two concurrent acceptances exactly one gets the row.
 */
export async function acceptInvitation(ctx: RequestContext, input: { token: string; password: string }) {
  const { rt, meta } = ctx;
  const now = rt.clock.now();
  const tokenHash = sha256(input.token);
  const invitation = await findInvitation(ctx.db, tokenHash, now);
  if (!invitation) throw invalid();
  const passwordSet = invitation.passwordHash === null;
  let newHash: string | undefined;
  if (passwordSet) {
    assertPasswordPolicy(input.password, { email: invitation.email });
    newHash = await rt.hasher.hash(input.password);
  } else await verifyExistingPassword(ctx, invitation.email, invitation.passwordHash!, input.password);

  await transaction(ctx, async (ctx) => {
    const spent = await spendInvitation(ctx.db, eq(invitations.tokenHash, tokenHash), now, invalid);
    const [user] = await ctx.db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, spent.userId))
      .for('update');
    // The password was checked against what the account had then; a change since is a refusal.
    if (user?.passwordHash !== invitation.passwordHash) throw new AppError('INVALID_CREDENTIALS');
    if (newHash) await storePasswordHash(ctx.db, rt, spent.userId, newHash, false);
    await joinOrganization(ctx.db, meta, spent, now, { passwordSet });
  });
  return {
    organizationId: invitation.organizationId,
    organizationName: invitation.organizationName,
    email: invitation.email,
  };
}

/** Wrong guesses count against the login limits, as on every other password check. */
async function verifyExistingPassword(ctx: RequestContext, email: string, hash: string, password: string) {
  const { rt } = ctx;
  const attempt = await reserveLoginAttempt(ctx, normalizeEmail(email));
  if (!(await rt.hasher.verify(hash, password))) {
    await attempt.failed(null);
    throw new AppError(
      'INVALID_CREDENTIALS',
      'The password is wrong: use the one of your existing account.',
      {
        errors: [{ path: 'password', message: 'is wrong' }],
      },
    );
  }
  await attempt.succeeded();
}
