import 'server-only';
import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import { users } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { isUniqueViolation } from '@/server/core/query/unique-violation';
import { transaction } from '@/server/core/transactions';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { findUserByEmail } from '@/server/modules/auth/services/find-user';
import { issuePasswordLink } from '@/server/modules/auth/services/send-password-reset';
import { assertPasswordPolicy } from '@/server/modules/auth/services/set-password';
import { enqueueEmail } from '@/server/modules/mail/services/enqueue-email';
import { emails } from '@/server/modules/mail/templates';
import type { adminUserCreateInput } from '../users/schemas';
import { applyRoleLinks } from './change-role-links';
import { loadUserDetail } from './user-detail';

export const EMAIL_UNIQUE_INDEX = 'users_email_lower_key';

/** Letters and digits nobody misreads (no i, l, o, 0, 1). */
const ONE_TIME_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 20 characters of ONE_TIME_ALPHABET (about 99 bits), in groups of four for reading aloud. */
export function generateOneTimePassword(): string {
  const chars = Array.from({ length: 20 }, () => ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)]!);
  return chars.join('').replace(/(.{4})(?=.)/g, '$1-');
}

const accessOf = { invite: 'invitation', generate: 'one-time-password' } as const;

const actorName = (principal: UserContext['principal']) =>
  `${principal.firstName} ${principal.lastName}`.trim() || principal.email;

/**
 * #25: a user with the given role links, which make them a member of the organizations named,
 * exactly as #27 would. Their first password is one of:
 * - `password` (the seed's body): temporary, changed at the first sign-in;
 * - `passwordMode: 'invite'`: none; a single-use link to set one is emailed (one hour, like a
 *   reset link; "Forgot your password?" sends a new one), and the mail is audited;
 * - `passwordMode: 'generate'`: a strong one-time password, returned in this answer only (the
 *   database keeps its argon2 hash; neither the audit record nor a log holds it), changed at the
 *   first sign-in.
 */
export async function createUser(ctx: UserContext, input: z.infer<typeof adminUserCreateInput>) {
  const { rt } = ctx;
  const email = input.email.trim();
  const oneTimePassword = input.passwordMode === 'generate' ? generateOneTimePassword() : undefined;
  const password = input.password ?? oneTimePassword;
  if (password !== undefined) assertPasswordPolicy(password, { email });
  // argon2 runs before the transaction, so it never holds a database connection
  const passwordHash = password === undefined ? null : await rt.hasher.hash(password);
  try {
    return await transaction(ctx, async (ctx) => {
      if (await findUserByEmail(ctx.db, email)) throw new AppError('EMAIL_TAKEN');
      const now = rt.clock.now();
      const [user] = await ctx.db
        .insert(users)
        .values({
          email,
          firstName: input.firstName ?? '',
          lastName: input.lastName ?? '',
          passwordHash,
          passwordChangeRequired: passwordHash !== null,
          passwordChangedAt: passwordHash === null ? null : now,
        })
        .returning({ id: users.id });
      const userId = user!.id;
      const audited = {
        actorUserId: ctx.principal.userId,
        subjectUserId: userId,
        targetType: 'user',
        targetId: userId,
      } as const;
      await recordAuditEvent(ctx.db, ctx.meta, {
        action: 'admin.user.created',
        ...audited,
        data: { email, access: input.passwordMode ? accessOf[input.passwordMode] : 'temporary-password' },
      });
      await applyRoleLinks(ctx.db, ctx, userId, input.roleLinks ?? []);
      let passwordLinkExpiresAt: string | undefined;
      if (input.passwordMode === 'invite') {
        const { link, expiresAt } = await issuePasswordLink(ctx.db, rt, userId, now);
        const mail = emails.accountCreated({ createdBy: actorName(ctx.principal), link, expiresAt });
        await enqueueEmail(ctx.db, rt, email, mail, now);
        await recordAuditEvent(ctx.db, ctx.meta, {
          action: 'admin.user.password_link.sent',
          ...audited,
          data: { expiresAt: expiresAt.toISOString() },
        });
        passwordLinkExpiresAt = expiresAt.toISOString();
      }
      const detail = await loadUserDetail(ctx.db, userId);
      return { ...detail, oneTimePassword, passwordLinkExpiresAt };
    });
  } catch (error) {
    // two creations of the same email at once: the check above passed for both, the index did not
    if (isUniqueViolation(error, EMAIL_UNIQUE_INDEX)) throw new AppError('EMAIL_TAKEN');
    throw error;
  }
}
