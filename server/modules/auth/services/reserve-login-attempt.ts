import 'server-only';
import type { RequestContext } from '@/server/core/context';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { DELAY_FROM } from '../rate-limit';

export type LoginAttempt = {
  succeeded(): Promise<void>;
  cancel(): Promise<void>;
  /** Leaves the attempt counted; the failure that takes the email to the delay threshold is audited. */
  failed(subjectUserId: string | null | undefined): Promise<void>;
};

/**
 * Reserves a password, code or second-factor check on the login limits before it is evaluated
 * (throws 429 RATE_LIMITED). Every caller that checks a credential of an account goes through here.
 */
export async function reserveLoginAttempt(
  ctx: RequestContext,
  email: string,
  options: { trustedDevice?: boolean } = {},
): Promise<LoginAttempt> {
  const { rt, meta } = ctx;
  const reservation = await rt.limiter.reserve('login', { ip: meta.ip, email, ...options });
  return {
    succeeded: reservation.succeeded,
    cancel: reservation.cancel,
    async failed(subjectUserId) {
      // Once per crossing: only the failure whose count reached the threshold sees it equal.
      if (reservation.emailCount !== DELAY_FROM) return;
      await recordAuditEvent(ctx.db, meta, {
        action: 'auth.login.throttled',
        subjectUserId: subjectUserId ?? null,
        data: { failures: DELAY_FROM },
      });
    },
  };
}
