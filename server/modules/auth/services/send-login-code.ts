import 'server-only';
import type { RequestContext } from '@/server/core/context';
import { enqueueEmail } from '@/server/modules/mail/services/enqueue-email';
import { emails } from '@/server/modules/mail/templates';
import { findUserByEmail } from './find-user';
import { createLoginCode, LOGIN_CODE_TTL_MS } from './login-codes';

/**
 * The `mail.login-code` job: an active user gets a fresh code by mail; an unknown or disabled
 * email gets nothing. It runs after the request answered, so the request does the same work for
 * every email (initiateLogin) and its timing tells nothing.
 */
export async function sendLoginCode(ctx: RequestContext, email: string): Promise<void> {
  const tx = ctx.db;
  const user = await findUserByEmail(tx, email);
  if (user?.status !== 'active') return;
  const now = ctx.rt.clock.now();
  const code = await createLoginCode(tx, ctx, user.id);
  const expiresAt = new Date(now.getTime() + LOGIN_CODE_TTL_MS);
  await enqueueEmail(tx, ctx.rt, user.email, emails.loginCode(code, expiresAt), now);
}
