import 'server-only';
import type { RequestContext } from '@/server/core/context';
import { enqueueJob } from '@/server/jobs/enqueue-job';
import { normalizeEmail } from './find-user';

/**
 * Emails a one-time sign-in code. The answer is the same for unknown emails, and every request
 * counts towards the limits (each one may send mail), so it cannot be used to flood an inbox.
 * The request only queues a job, for every email alike: whether the email is known is decided by
 * the job (sendLoginCode), so the request's work and timing are the same either way.
 */
export async function initiateLogin(ctx: RequestContext, input: { email: string }) {
  const email = normalizeEmail(input.email);
  await ctx.rt.limiter.reserve('initiate', { ip: ctx.meta.ip, email });
  await enqueueJob(ctx.db, 'mail.login-code', { email, request: ctx.meta }, { now: ctx.rt.clock.now() });
  return { status: 'sent' as const };
}
