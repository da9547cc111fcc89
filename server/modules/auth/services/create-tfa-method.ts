import 'server-only';
import { and, eq } from 'drizzle-orm';
import { tfaMethods } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { encrypt } from '@/server/core/crypto';
import { transaction } from '@/server/core/transactions';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { describeTotpSecret, newTotpSecret } from '../totp';
import { verifyOwnPassword } from './verify-own-password';

/**
 * A new pending TOTP method (replacing an older pending one); it counts only once activated. The
 * QR code is rendered before the transaction, so it holds no connection meanwhile.
 */
export async function createTfaMethod(ctx: UserContext, input: { password: string; type: 'totp' }) {
  const { rt, principal } = ctx;
  await verifyOwnPassword(ctx, input.password);
  const secret = newTotpSecret();
  const described = await describeTotpSecret(secret, principal.email);
  return transaction(ctx, async (ctx) => {
    await ctx.db
      .delete(tfaMethods)
      .where(and(eq(tfaMethods.userId, principal.userId), eq(tfaMethods.status, 'pending')));
    const [method] = await ctx.db
      .insert(tfaMethods)
      .values({
        userId: principal.userId,
        type: input.type,
        status: 'pending',
        secretEnc: encrypt(rt.keys.totpEncryption, secret),
      })
      .returning();
    await recordAuditEvent(ctx.db, ctx.meta, {
      action: 'auth.tfa.created',
      actorUserId: principal.userId,
      subjectUserId: principal.userId,
      targetType: 'tfa_method',
      targetId: method!.id,
    });
    return {
      _id: method!.id,
      type: method!.type,
      status: 'pending' as const,
      secret,
      ...described,
    };
  });
}
