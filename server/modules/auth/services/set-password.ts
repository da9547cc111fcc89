import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { ServiceRuntime } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { passwordPolicyProblems } from '../passwords';

/** Throws 400 PASSWORD_POLICY listing every reason the password is refused, one message per rule. */
export function assertPasswordPolicy(password: string, context: { email?: string; path?: string } = {}) {
  const problems = passwordPolicyProblems(password, context);
  if (problems.length > 0) {
    throw new AppError('PASSWORD_POLICY', problems.map((problem) => `The password ${problem}.`).join(' '), {
      errors: problems.map((message) => ({ path: context.path ?? 'password', message })),
    });
  }
}

/**
 * Stores a hash made before the transaction (argon2 must not hold a connection, and on PGlite its
 * only one); `temporary` makes the user change it at the next sign-in.
 */
export async function storePasswordHash(
  tx: Db,
  rt: ServiceRuntime,
  userId: string,
  passwordHash: string,
  temporary: boolean,
) {
  const now = rt.clock.now();
  await tx
    .update(users)
    .set({ passwordHash, passwordChangeRequired: temporary, passwordChangedAt: now, updatedAt: now })
    .where(eq(users.id, userId));
}
