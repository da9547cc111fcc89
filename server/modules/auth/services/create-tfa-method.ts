import { and, eq } from 'drizzle-orm';
import { tfaMethods } from '@/db/schema';
import type { ActorContext } from '@/server/core/context';
import { encrypt } from '@/server/core/crypto';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { describeTotpSecret, newTotpSecret } from '../totp';
import { verifyOwnPassword } from './verify-own-password';

/**
 * A new pending TOTP method (replacing an older pending one); it counts only once activated. The
 * QR code is rendered before the transaction, so it holds no connection meanwhile.
 */
export async function createTfaMethod(ctx: ActorContext, input: { password: string; type: 'totp' }) {
  const { rt, actor } = ctx;
  await verifyOwnPassword(ctx, input.password);
  const secret = newTotpSecret();
  const described = await describeTotpSecret(secret, actor.email);
  return rt.db.transaction(async (tx) => {
    await tx
      .delete(tfaMethods)
      .where(and(eq(tfaMethods.userId, actor.userId), eq(tfaMethods.status, 'pending')));
    const [method] = await tx
      .insert(tfaMethods)
      .values({
        userId: actor.userId,
        type: input.type,
        status: 'pending',
        secretEnc: encrypt(rt.keys.totpEncryption, secret),
      })
      .returning();
    await recordAuditEvent(tx, ctx.meta, {
      action: 'auth.tfa.created',
      actorUserId: actor.userId,
      subjectUserId: actor.userId,
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
