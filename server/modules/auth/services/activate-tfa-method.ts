import 'server-only';
import { and, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { recoveryCodes, tfaMethods } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { decrypt, randomToken } from '@/server/core/crypto';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { enqueueEmail } from '@/server/modules/mail/services/enqueue-email';
import { emails } from '@/server/modules/mail/templates';
import { matchTotp } from '../totp';
import { findUserById, normalizeEmail } from './find-user';
import { type LoginAttempt, reserveLoginAttempt } from './reserve-login-attempt';
import { hashRecoveryCode } from './verify-second-factor';

const RECOVERY_CODE_COUNT = 10;

type Method = typeof tfaMethods.$inferSelect;

/**
 * Activates the caller's pending method, or re-activates a disabled one, whichever the code
 * belongs to; a disabled one also needs the account password (a stolen session alone must not
 * turn a second factor back on). Each try is reserved on the login limits before the code is
 * checked. Returns 10 fresh recovery codes (shown once; earlier ones stop working).
 */
export async function activateTfaMethod(ctx: UserContext, input: { tfaCode: string; password?: string }) {
  const { rt, principal } = ctx;
  const now = rt.clock.now();
  const attempt = await reserveLoginAttempt(ctx, normalizeEmail(principal.email));
  const candidates = await ctx.db
    .select()
    .from(tfaMethods)
    .where(and(eq(tfaMethods.userId, principal.userId), inArray(tfaMethods.status, ['pending', 'disabled'])))
    .orderBy(desc(tfaMethods.status), desc(tfaMethods.createdAt));
  if (candidates.length === 0) {
    await attempt.cancel();
    throw new AppError('TFA_NOT_PENDING');
  }
  const match = await matchCandidate(candidates, input.tfaCode, ctx, now);
  if (match?.method.status === 'disabled') await assertAccountPassword(ctx, input.password, attempt);
  // Hashing happened above; the transaction is short. The update is conditional on the state
  // that was checked, so two concurrent activations with one code spend it once.
  const result = match && (await activateMatch(ctx, match, now));
  if (!result) {
    await attempt.failed(principal.userId);
    throw new AppError('TFA_INVALID');
  }
  await attempt.succeeded();
  return {
    _id: result.method.id,
    type: result.method.type,
    status: 'active' as const,
    recoveryCodes: result.codes,
  };
}

async function matchCandidate(candidates: Method[], code: string, ctx: UserContext, now: Date) {
  for (const method of candidates) {
    const secret = decrypt(ctx.rt.keys.totpEncryption, method.secretEnc);
    const step = await matchTotp({ secret, code, now, lastUsedStep: method.lastUsedStep });
    if (step !== null) return { method, step };
  }
  return null;
}

async function assertAccountPassword(ctx: UserContext, password: string | undefined, attempt: LoginAttempt) {
  const user = await findUserById(ctx.db, ctx.principal.userId);
  const ok = Boolean(
    password && user?.passwordHash && (await ctx.rt.hasher.verify(user.passwordHash, password)),
  );
  if (ok) return;
  await attempt.failed(ctx.principal.userId);
  throw new AppError('INVALID_CREDENTIALS', 'Re-activating a disabled method needs your password.', {
    errors: [{ path: 'password', message: password ? 'is wrong' : 'is required' }],
  });
}

async function activateMatch(ctx: UserContext, match: { method: Method; step: number }, now: Date) {
  const { rt, principal } = ctx;
  const { method, step } = match;
  return transaction(ctx, async (ctx) => {
    const [active] = await ctx.db
      .update(tfaMethods)
      .set({ status: 'active', lastUsedStep: step, activatedAt: now, updatedAt: now })
      .where(
        and(
          eq(tfaMethods.id, method.id),
          eq(tfaMethods.status, method.status),
          method.lastUsedStep === null ? isNull(tfaMethods.lastUsedStep) : lt(tfaMethods.lastUsedStep, step),
        ),
      )
      .returning();
    if (!active) return null;
    const codes = await replaceRecoveryCodes(ctx.db, ctx);
    await recordAuditEvent(ctx.db, ctx.meta, {
      action: 'auth.tfa.activated',
      actorUserId: principal.userId,
      subjectUserId: principal.userId,
      targetType: 'tfa_method',
      targetId: method.id,
    });
    await enqueueEmail(ctx.db, rt, principal.email, emails.tfaChanged('activated'), now);
    return { method: active, codes };
  });
}

/** Deletes the caller's recovery codes, used or not, and stores 10 new ones: returned once, kept hashed. */
export async function replaceRecoveryCodes(tx: Db, ctx: UserContext): Promise<string[]> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, ctx.principal.userId));
  // 10 random base32-ish characters, shown as xxxxx-xxxxx: about 50 bits each.
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = randomToken(16)
      .replace(/[^a-z0-9]/gi, '')
      .toLowerCase()
      .slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5, 10)}`;
  });
  await tx
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ userId: ctx.principal.userId, codeHash: hashRecoveryCode(ctx, code) })));
  return codes;
}
