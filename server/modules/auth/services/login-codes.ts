import 'server-only';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { loginCodes } from '@/db/schema';
import type { RequestContext } from '@/server/core/context';
import { hmac, randomDigits, safeEqual } from '@/server/core/crypto';

export const LOGIN_CODE_TTL_MS = 10 * 60_000;
const MAX_WRONG_TRIES = 5;

export const isLoginCodeShape = (secret: string) => /^\d{8}$/.test(secret);

const codeHmac = (ctx: RequestContext, userId: string, code: string) =>
  hmac(ctx.rt.keys.codeHmac, `login-code:${userId}:${code}`);

/** A new 8-digit code for the user; the row is replaced, so any earlier code is dead. */
export async function createLoginCode(tx: Db, ctx: RequestContext, userId: string): Promise<string> {
  const code = randomDigits(8);
  const now = ctx.rt.clock.now();
  const values = {
    codeHmac: codeHmac(ctx, userId, code),
    expiresAt: new Date(now.getTime() + LOGIN_CODE_TTL_MS),
    failedAttempts: 0,
    createdAt: now,
  };
  await tx
    .insert(loginCodes)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: loginCodes.userId, set: values });
  return code;
}

/**
 * Spends one of the code's tries, then compares: a burst of guesses fired together gets at most
 * MAX_WRONG_TRIES comparisons, since each needs its own conditional increment first. A right code
 * is spent (deleted) by the login once every other check has passed.
 */
export async function checkLoginCode(
  tx: Db,
  ctx: RequestContext,
  userId: string,
  code: string,
): Promise<boolean> {
  const now = ctx.rt.clock.now();
  const [row] = await tx
    .update(loginCodes)
    .set({ failedAttempts: sql`${loginCodes.failedAttempts} + 1` })
    .where(
      and(
        eq(loginCodes.userId, userId),
        lt(loginCodes.failedAttempts, MAX_WRONG_TRIES),
        gt(loginCodes.expiresAt, now),
      ),
    )
    .returning({ codeHmac: loginCodes.codeHmac });
  return row !== undefined && safeEqual(row.codeHmac, codeHmac(ctx, userId, code));
}

/**
 * Spends the code that was checked; false when a concurrent login spent it first (the delete waits
 * for the other transaction, then finds no row), so the code still signs in only once.
 */
export async function spendLoginCode(
  tx: Db,
  ctx: RequestContext,
  userId: string,
  code: string,
): Promise<boolean> {
  const spent = await tx
    .delete(loginCodes)
    .where(and(eq(loginCodes.userId, userId), eq(loginCodes.codeHmac, codeHmac(ctx, userId, code))))
    .returning({ userId: loginCodes.userId });
  return spent.length > 0;
}
