import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { loginCodes, passwordResets } from '@/db/schema';

/**
 * Deletes the user's pending reset links and login codes. Called in the transaction of every
 * change that should end them: a new password (changed, reset or set by an admin) and a new
 * email, so nothing mailed before (possibly to an address the user no longer holds) still works.
 */
export async function revokeEmailedSecrets(tx: Db, userId: string) {
  await tx.delete(passwordResets).where(eq(passwordResets.userId, userId));
  await tx.delete(loginCodes).where(eq(loginCodes.userId, userId));
}
