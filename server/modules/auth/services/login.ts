import 'server-only';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { RequestContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { isDeviceTokenFor, signDeviceToken } from '../device-token';
import { signAccessToken } from '../tokens';
import { findUserByEmail, normalizeEmail } from './find-user';
import { checkLoginCode, isLoginCodeShape, spendLoginCode } from './login-codes';
import { presentUser } from './presenters';
import { type LoginAttempt, reserveLoginAttempt } from './reserve-login-attempt';
import { issueTokenPair, startSession } from './start-session';
import { activeTfaMethods, consumeSecondFactor } from './verify-second-factor';

export type LoginInput = { email: string; secret: string; tfaCode?: string; deviceToken?: string };
type User = typeof users.$inferSelect;

/**
 * Checks, in this order: the secret (password, or an emailed one-time code), the second factor,
 * then whether the password must be changed. Each try is reserved on the brute-force limits
 * before it is evaluated; a success gives it back and clears the email+IP counter. A device token
 * from an earlier sign-in to this account lifts the per-email delay (not the other limits).
 */
export async function login(ctx: RequestContext, input: LoginInput, channel: 'api' | 'browser') {
  const { rt } = ctx;
  const email = normalizeEmail(input.email);
  // Only a caller with a device token pays for the lookup before its try is reserved.
  const known = input.deviceToken ? { user: await findUserByEmail(ctx.db, email) } : undefined;
  const trustedDevice =
    known?.user !== undefined &&
    isDeviceTokenFor(rt.keys.deviceToken, input.deviceToken, known.user.id, rt.clock.now());
  const attempt = await reserveLoginAttempt(ctx, email, { trustedDevice });

  const outcome = await checkCredentials(ctx, email, input, known);
  if (outcome.code !== null) return refuse(ctx, attempt, channel, outcome.code, outcome.userId);
  const loginCode = isLoginCodeShape(input.secret) ? input.secret : undefined;
  const result = await completeLogin(ctx, outcome.user, channel, loginCode);
  // null: a concurrent login spent the same code between the check and now.
  if (!result) return refuse(ctx, attempt, channel, 'INVALID_CREDENTIALS', outcome.user.id);
  await attempt.succeeded();
  if (result.kind !== 'ok') return result;
  return { ...result, deviceToken: signDeviceToken(rt.keys.deviceToken, outcome.user.id, rt.clock.now()) };
}

// No transaction here: argon2 takes ~50 ms and must not hold a connection (or PGlite's only
// one) meanwhile. Each step that spends something is a single conditional statement.
async function checkCredentials(
  ctx: RequestContext,
  email: string,
  input: LoginInput,
  known: { user: User | undefined } | undefined,
) {
  const { rt } = ctx;
  const user = known ? known.user : await findUserByEmail(ctx.db, email);
  const usable = user?.status === 'active' ? user : undefined;
  let secretOk: boolean;
  if (isLoginCodeShape(input.secret)) {
    // Passwords are 12+ characters, so an 8-digit secret can only be a login code.
    secretOk = usable ? await checkLoginCode(ctx.db, ctx, usable.id, input.secret) : false;
  } else {
    // Unknown emails verify against a decoy hash: the answer takes the same time either way.
    secretOk = await rt.hasher.verify(usable?.passwordHash ?? rt.decoyHash, input.secret);
    secretOk &&= Boolean(usable?.passwordHash);
  }
  if (!secretOk || !usable) return { code: 'INVALID_CREDENTIALS' as const, userId: user?.id };

  const methods = await activeTfaMethods(ctx.db, usable.id);
  if (methods.length > 0) {
    if (!input.tfaCode) return { code: 'TFA_REQUIRED' as const, userId: usable.id };
    if (!(await consumeSecondFactor(ctx.db, ctx, usable.id, methods, input.tfaCode)))
      return { code: 'TFA_INVALID' as const, userId: usable.id };
  }
  return { code: null, user: usable };
}

async function refuse(
  ctx: RequestContext,
  attempt: LoginAttempt,
  channel: 'api' | 'browser',
  code: 'INVALID_CREDENTIALS' | 'TFA_REQUIRED' | 'TFA_INVALID',
  userId: string | undefined,
): Promise<never> {
  // Asking for the second factor is not a wrong guess; everything else counts.
  if (code === 'TFA_REQUIRED') await attempt.cancel();
  else await attempt.failed(userId);
  await recordAuditEvent(ctx.db, ctx.meta, {
    action: 'auth.login.failed',
    subjectUserId: userId ?? null,
    data: { reason: code, channel },
  });
  throw new AppError(code);
}

async function completeLogin(
  ctx: RequestContext,
  user: User,
  channel: 'api' | 'browser',
  loginCode: string | undefined,
) {
  const { rt, meta } = ctx;
  const now = rt.clock.now();
  const via = loginCode ? 'code' : 'password';
  return transaction(ctx, async (ctx) => {
    // A concurrent login with the same code may have spent it since it was checked.
    if (loginCode && !(await spendLoginCode(ctx.db, ctx, user.id, loginCode))) return null;
    const restricted = user.passwordChangeRequired;
    const session = await startSession(ctx.db, ctx, { userId: user.id, restricted, channel });
    const [updated] = await ctx.db
      .update(users)
      .set({ lastLoginAt: now })
      .where(eq(users.id, user.id))
      .returning();
    await recordAuditEvent(ctx.db, meta, {
      action: 'auth.login',
      actorUserId: user.id,
      subjectUserId: user.id,
      data: { channel, via, restricted },
    });
    if (restricted) {
      const access = await signAccessToken(rt.keys, { sid: session.id, restricted: true }, now);
      return {
        kind: 'password_change_required' as const,
        sessionId: session.id,
        restrictedToken: access.token,
        restrictedTokenExpiresAt: access.expiresAt.toISOString(),
      };
    }
    const tokens = channel === 'api' ? await issueTokenPair(ctx.db, ctx, session.id) : undefined;
    return { kind: 'ok' as const, sessionId: session.id, tokens, user: presentUser(updated!) };
  });
}
