import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { sessions } from '@/db/schema';
import { MINUTE } from '@/server/core/clock';
import type { ServiceRuntime, UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { assertPasswordPolicy } from '@/server/modules/auth/services/set-password';
import {
  FRESH_SIGN_IN_MINUTES,
  type PreproductionResetSummary,
  type preproductionResetInput,
} from '../preproduction/schemas';
import { applyPreproductionReset } from './preproduction-effects';

/** An arbitrary, fixed key: two resets queue on it instead of interleaving their statements. */
const PREPRODUCTION_RESET_LOCK = 7_345_011;

/** Until when the caller's sign-in counts as fresh: the secret proven, not a token refreshed. */
export const freshUntil = (ctx: UserContext) =>
  new Date(ctx.principal.session.authenticatedAt.getTime() + FRESH_SIGN_IN_MINUTES * MINUTE);

export const resetAvailable = (rt: ServiceRuntime) => rt.config.appEnv === 'preproduction';

/**
 * #43: only in preproduction (403 NOT_PREPRODUCTION, checked first: elsewhere nothing else is
 * said), only within 10 minutes of the caller's sign-in by the runtime's clock (403
 * FRESH_SIGN_IN_REQUIRED), then the password policy (400). The password is hashed once, before
 * the transaction; every change lands in one transaction with its audit event.
 */
export async function resetPreproduction(
  ctx: UserContext,
  input: z.infer<typeof preproductionResetInput>,
): Promise<PreproductionResetSummary> {
  const { rt } = ctx;
  if (!resetAvailable(rt))
    throw new AppError('NOT_PREPRODUCTION', `This deployment is ${rt.config.appEnv}: nothing was changed.`);
  if (rt.clock.now() > freshUntil(ctx))
    throw new AppError(
      'FRESH_SIGN_IN_REQUIRED',
      `Sign in again: a reset needs a sign-in within the last ${FRESH_SIGN_IN_MINUTES} minutes.`,
    );
  assertPasswordPolicy(input.password, { email: ctx.principal.email });
  const passwordHash = await rt.hasher.hash(input.password);
  return transaction(ctx, async (ctx) => {
    await ctx.db.execute(sql`select pg_advisory_xact_lock(${PREPRODUCTION_RESET_LOCK})`);
    const caller = { userId: ctx.principal.userId, sessionId: ctx.principal.session.id };
    // A reset that ran while this one waited for the lock may have ended this very session.
    const [live] = await ctx.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.id, caller.sessionId), isNull(sessions.revokedAt)));
    if (!live) throw new AppError('UNAUTHENTICATED', 'Your session has ended: sign in again.');
    const now = rt.clock.now();
    const summary = await applyPreproductionReset(ctx.db, caller, passwordHash, now);
    await recordAuditEvent(
      ctx.db,
      ctx.meta,
      {
        action: 'preproduction.reset',
        actorUserId: caller.userId,
        targetType: 'platform',
        data: summary,
      },
      now,
    );
    return summary;
  });
}
