import type { ServiceContext } from '../../context';
import { emails } from '../../email/templates';
import { enqueueEmail } from '../email/enqueue-email';
import { findUserByEmail, normalizeEmail } from './find-user';
import { createLoginCode } from './login-codes';

/**
 * Emails a one-time sign-in code. The answer is the same for unknown emails, and every request
 * counts towards the limits (each one may send mail), so it cannot be used to flood an inbox.
 */
export async function initiateLogin(ctx: ServiceContext, input: { email: string }) {
  const email = normalizeEmail(input.email);
  await ctx.rt.limiter.reserve('initiate', { ip: ctx.meta.ip, email });
  await ctx.rt.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (user?.status !== 'active') return;
    const code = await createLoginCode(tx, ctx, user.id);
    await enqueueEmail(tx, user.email, emails.loginCode(code), ctx.rt.clock.now());
  });
  return { status: 'sent' as const };
}
