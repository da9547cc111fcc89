import 'server-only';
import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { roleLinks, users } from '@/db/schema';
import { PLATFORM_ADMIN } from '@/server/core/access/platform';
import { AppError } from '@/server/core/errors';

/** An arbitrary, fixed key: every change that can take away a platform admin queues on it. */
const PLATFORM_ADMINS_LOCK = 7_345_003;

const holdsPlatformAdmin = and(eq(roleLinks.roleCode, PLATFORM_ADMIN), eq(roleLinks.entityType, 'platform'));

/**
 * Refuses (409 LAST_PLATFORM_ADMIN) a change that would leave no active user holding
 * platform.admin: removing the role from, or disabling, `userId`. Changes that could each see the
 * other's admin still in place (A removes B while B removes A) are serialised by the lock, so the
 * second one counts what the first left. Call it before locking any row, in the change's transaction.
 */
export async function assertNotLastPlatformAdmin(tx: Db, userId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(${PLATFORM_ADMINS_LOCK})`);
  const [held] = await tx
    .select({ n: count() })
    .from(roleLinks)
    .where(and(holdsPlatformAdmin, eq(roleLinks.userId, userId)));
  if (held!.n === 0) return;
  const [others] = await tx
    .select({ n: count() })
    .from(roleLinks)
    .innerJoin(users, eq(users.id, roleLinks.userId))
    .where(and(holdsPlatformAdmin, ne(roleLinks.userId, userId), eq(users.status, 'active')));
  if (others!.n === 0)
    throw new AppError(
      'LAST_PLATFORM_ADMIN',
      'This would leave the platform without an active platform.admin.',
    );
}
