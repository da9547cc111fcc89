import 'server-only';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { recoveryCodes, tfaMethods } from '@/db/schema';
import type { RequestContext } from '@/server/core/context';
import { decrypt, hmac } from '@/server/core/crypto';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { matchTotp } from '../totp';

export const hashRecoveryCode = (ctx: RequestContext, code: string) =>
  hmac(ctx.rt.keys.codeHmac, `recovery:${code.trim().toLowerCase().replace(/[\s-]/g, '')}`);

export async function activeTfaMethods(tx: Db, userId: string) {
  return tx
    .select()
    .from(tfaMethods)
    .where(and(eq(tfaMethods.userId, userId), eq(tfaMethods.status, 'active')));
}

/**
 * Accepts a TOTP code of one of the given methods, or an unused recovery code. Each acceptance is
 * a conditional update, so two requests racing with the same code cannot both win.
 */
export async function consumeSecondFactor(
  tx: Db,
  ctx: RequestContext,
  userId: string,
  methods: (typeof tfaMethods.$inferSelect)[],
  code: string,
): Promise<boolean> {
  const now = ctx.rt.clock.now();
  for (const method of methods) {
    const secret = decrypt(ctx.rt.keys.totpEncryption, method.secretEnc);
    const step = await matchTotp({ secret, code, now, lastUsedStep: method.lastUsedStep });
    if (step === null) continue;
    const claimed = await tx
      .update(tfaMethods)
      .set({ lastUsedStep: step, updatedAt: now })
      .where(
        and(
          eq(tfaMethods.id, method.id),
          or(isNull(tfaMethods.lastUsedStep), lt(tfaMethods.lastUsedStep, step)),
        ),
      )
      .returning({ id: tfaMethods.id });
    if (claimed.length > 0) return true;
  }
  if (/^\d{6}$/.test(code)) return false;
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(ctx, code)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  if (used.length === 0) return false;
  await recordAuditEvent(tx, ctx.meta, {
    action: 'auth.recovery_code.used',
    actorUserId: userId,
    subjectUserId: userId,
  });
  return true;
}
