import 'server-only';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { findUserById, normalizeEmail } from './find-user';
import { reserveLoginAttempt } from './reserve-login-attempt';

/**
 * Re-checks the signed-in user's password before a sensitive change. Wrong guesses count against
 * the same limits as the login, so a stolen session cannot be used to brute-force the password.
 * Call it before opening a transaction: the limiter writes through the runtime's database.
 * `field` names the input field the password came in, so the error points at the right one.
 */
export async function verifyOwnPassword(ctx: UserContext, password: string, field = 'password') {
  const { rt, principal } = ctx;
  const attempt = await reserveLoginAttempt(ctx, normalizeEmail(principal.email));
  const user = await findUserById(ctx.db, principal.userId);
  if (!user?.passwordHash || !(await rt.hasher.verify(user.passwordHash, password))) {
    await attempt.failed(principal.userId);
    throw new AppError('INVALID_CREDENTIALS', 'The password is wrong.', {
      errors: [{ path: field, message: 'is wrong' }],
    });
  }
  await attempt.succeeded();
  return user;
}
