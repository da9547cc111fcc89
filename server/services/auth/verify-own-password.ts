import type { ActorContext } from '../../context';
import { AppError } from '../../errors';
import { findUserById, normalizeEmail } from './find-user';

/**
 * Re-checks the signed-in user's password before a sensitive change. Wrong guesses count against
 * the same limits as the login, so a stolen session cannot be used to brute-force the password.
 * Call it before opening a transaction: the limiter writes through the runtime's database.
 * `field` names the input field the password came in, so the error points at the right one.
 */
export async function verifyOwnPassword(ctx: ActorContext, password: string, field = 'password') {
  const { rt, meta, actor } = ctx;
  await rt.limiter.assertAllowed('login', meta.ip, normalizeEmail(actor.email));
  const user = await findUserById(rt.db, actor.userId);
  if (!user?.passwordHash || !(await rt.hasher.verify(user.passwordHash, password))) {
    await rt.limiter.recordFailure('login', meta.ip, normalizeEmail(actor.email));
    throw new AppError('INVALID_CREDENTIALS', 'The password is wrong.', {
      errors: [{ path: field, message: 'is wrong' }],
    });
  }
  return user;
}
