import { and, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { recoveryCodes, tfaMethods } from '@/db/schema';
import { decrypt, randomToken } from '../../auth/crypto';
import { matchTotp } from '../../auth/totp';
import type { ActorContext } from '../../context';
import { emails } from '../../email/templates';
import { AppError } from '../../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { normalizeEmail } from '../auth/find-user';
import { hashRecoveryCode } from '../auth/verify-second-factor';
import { enqueueEmail } from '../email/enqueue-email';

const RECOVERY_CODE_COUNT = 10;

type Method = typeof tfaMethods.$inferSelect;
const ACTIVATABLE = ['pending', 'disabled'] as const;

/**
 * Activates the caller's pending method, or re-activates a disabled one, whichever the code
 * belongs to. Returns 10 fresh recovery codes (shown once; earlier ones stop working). The code is
 * checked before the transaction; the transaction claims the method only if it is still
 * activatable and the code's step is still unused, so of two requests with one code one wins.
 */
export async function activateTfaMethod(ctx: ActorContext, input: { tfaCode: string }) {
  const { rt, actor } = ctx;
  const now = rt.clock.now();
  const candidates = await rt.db
    .select()
    .from(tfaMethods)
    .where(and(eq(tfaMethods.userId, actor.userId), inArray(tfaMethods.status, ACTIVATABLE)))
    .orderBy(desc(tfaMethods.status), desc(tfaMethods.createdAt));
  if (candidates.length === 0) throw new AppError('TFA_NOT_PENDING');
  const match = await matchCandidate(ctx, candidates, input.tfaCode, now);
  const result = match && (await rt.db.transaction((tx) => claimAndActivate(tx, ctx, match, now)));
  if (!result) {
    await rt.limiter.recordFailure('login', ctx.meta.ip, normalizeEmail(actor.email));
    throw new AppError('TFA_INVALID');
  }
  return {
    _id: result.method.id,
    type: result.method.type,
    status: 'active' as const,
    recoveryCodes: result.codes,
  };
}

async function matchCandidate(ctx: ActorContext, candidates: Method[], code: string, now: Date) {
  for (const method of candidates) {
    const secret = decrypt(ctx.rt.keys.totpEncryption, method.secretEnc);
    const step = await matchTotp({ secret, code, now, lastUsedStep: method.lastUsedStep });
    if (step !== null) return { method, step };
  }
  return null;
}

/** null when a concurrent request activated, removed or used the method since it was read. */
async function claimAndActivate(
  tx: Db,
  ctx: ActorContext,
  match: { method: Method; step: number },
  now: Date,
) {
  const { method, step } = match;
  const [active] = await tx
    .update(tfaMethods)
    .set({ status: 'active', lastUsedStep: step, activatedAt: now, updatedAt: now })
    .where(
      and(
        eq(tfaMethods.id, method.id),
        inArray(tfaMethods.status, ACTIVATABLE),
        or(isNull(tfaMethods.lastUsedStep), lt(tfaMethods.lastUsedStep, step)),
      ),
    )
    .returning();
  if (!active) return null;
  const codes = await replaceRecoveryCodes(tx, ctx);
  await recordAuditEvent(tx, ctx.meta, {
    action: 'auth.tfa.activated',
    actorUserId: ctx.actor.userId,
    subjectUserId: ctx.actor.userId,
    targetType: 'tfa_method',
    targetId: method.id,
  });
  await enqueueEmail(tx, ctx.rt, ctx.actor.email, emails.tfaChanged('activated'), now);
  return { method: active, codes };
}

async function replaceRecoveryCodes(tx: Db, ctx: ActorContext): Promise<string[]> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, ctx.actor.userId));
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
    .values(codes.map((code) => ({ userId: ctx.actor.userId, codeHash: hashRecoveryCode(ctx, code) })));
  return codes;
}
