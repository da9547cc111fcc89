import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sessions, users } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { enqueueEmail } from '@/server/modules/mail/services/enqueue-email';
import { emails } from '@/server/modules/mail/templates';
import { REFRESH_TOKEN_TTL_MS } from '../tokens';
import { revokeEmailedSecrets } from './revoke-emailed-secrets';
import { revokeSessions } from './revoke-sessions';
import { assertPasswordPolicy, storePasswordHash } from './set-password';
import { verifyOwnPassword } from './verify-own-password';

/**
 * Changes the caller's password and signs out every other session. A restricted API session
 * (forced change) ends too: the caller signs in again with the new password. A browser session
 * stays and becomes a full one. Reset links and login codes mailed before die with the old password.
 */
export async function changePassword(ctx: UserContext, input: { password: string; oldPassword: string }) {
  const { rt, principal } = ctx;
  const now = rt.clock.now();
  const user = await verifyOwnPassword(ctx, input.oldPassword, 'oldPassword');
  assertPasswordPolicy(input.password, { email: user.email });
  if (input.password === input.oldPassword)
    throw new AppError('PASSWORD_POLICY', 'The new password must differ from the old one.', {
      errors: [{ path: 'password', message: 'must differ from the old password' }],
    });
  const passwordHash = await rt.hasher.hash(input.password);
  await transaction(ctx, async (ctx) => {
    await assertPasswordUnchanged(ctx.db, user);
    await storePasswordHash(ctx.db, rt, user.id, passwordHash, false);
    await revokeEmailedSecrets(ctx.db, user.id);
    await revokeSessions(ctx.db, {
      userId: user.id,
      exceptSessionId: principal.session.id,
      reason: 'password-changed',
      now,
    });
    if (principal.session.restricted && principal.session.channel === 'api') {
      await revokeSessions(ctx.db, { sessionIds: [principal.session.id], reason: 'password-changed', now });
    } else {
      await ctx.db
        .update(sessions)
        .set({
          restricted: false,
          authenticatedAt: now,
          expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS),
        })
        .where(eq(sessions.id, principal.session.id));
    }
    await recordAuditEvent(ctx.db, ctx.meta, {
      action: 'auth.password.changed',
      actorUserId: user.id,
      subjectUserId: user.id,
    });
    await enqueueEmail(ctx.db, rt, user.email, emails.passwordChanged('changed'), now);
  });
}

/**
 * The old password was verified against the stored hash before hashing the new one; if another
 * change (or a disabling) came in meanwhile, this one must not overwrite it.
 */
async function assertPasswordUnchanged(tx: Db, verified: { id: string; passwordHash: string | null }) {
  const [current] = await tx
    .select({ passwordHash: users.passwordHash, status: users.status })
    .from(users)
    .where(eq(users.id, verified.id))
    .for('update');
  if (current?.status !== 'active' || current.passwordHash !== verified.passwordHash)
    throw new AppError('INVALID_CREDENTIALS', 'The password was changed meanwhile.', {
      errors: [{ path: 'oldPassword', message: 'is no longer the password' }],
    });
}
