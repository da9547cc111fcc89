import { and, desc, eq, inArray } from 'drizzle-orm';
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

/**
 * Activates the caller's pending method, or re-activates a disabled one, whichever the code
 * belongs to. Returns 10 fresh recovery codes (shown once; earlier ones stop working).
 */
export async function activateTfaMethod(ctx: ActorContext, input: { tfaCode: string }) {
  const { rt, actor } = ctx;
  const now = rt.clock.now();
  const result = await rt.db.transaction(async (tx) => {
    const candidates = await tx
      .select()
      .from(tfaMethods)
      .where(and(eq(tfaMethods.userId, actor.userId), inArray(tfaMethods.status, ['pending', 'disabled'])))
      .orderBy(desc(tfaMethods.status), desc(tfaMethods.createdAt));
    if (candidates.length === 0) return { error: 'TFA_NOT_PENDING' as const };
    for (const method of candidates) {
      const secret = decrypt(rt.keys.totpEncryption, method.secretEnc);
      const step = await matchTotp({ secret, code: input.tfaCode, now, lastUsedStep: method.lastUsedStep });
      if (step === null) continue;
      const [active] = await tx
        .update(tfaMethods)
        .set({ status: 'active', lastUsedStep: step, activatedAt: now, updatedAt: now })
        .where(eq(tfaMethods.id, method.id))
        .returning();
      const codes = await replaceRecoveryCodes(tx, ctx);
      await recordAuditEvent(tx, ctx.meta, {
        action: 'auth.tfa.activated',
        actorUserId: actor.userId,
        subjectUserId: actor.userId,
        targetType: 'tfa_method',
        targetId: method.id,
      });
      await enqueueEmail(tx, rt, actor.email, emails.tfaChanged('activated'), now);
      return { error: undefined, method: active!, codes };
    }
    return { error: 'TFA_INVALID' as const };
  });
  if (result.error !== undefined) {
    if (result.error === 'TFA_INVALID')
      await rt.limiter.recordFailure('login', ctx.meta.ip, normalizeEmail(actor.email));
    throw new AppError(result.error);
  }
  return {
    _id: result.method.id,
    type: result.method.type,
    status: 'active' as const,
    recoveryCodes: result.codes,
  };
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
