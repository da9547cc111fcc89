import 'server-only';
import { count, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { roleLinks, users } from '@/db/schema';
import { PLATFORM_ADMIN } from '@/server/core/access/platform';
import { ConfigError } from '@/server/core/config';
import { randomToken } from '@/server/core/crypto';
import type { Runtime } from '@/server/core/runtime';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { passwordPolicyProblems } from '../passwords';

export const DEFAULT_ADMIN_EMAIL = 'admin@provena.local';
/** An arbitrary, fixed key (beside the migrations' one) that instances starting together queue on. */
const BOOTSTRAP_LOCK = 7_345_002;

/**
 * On first start (no users at all) creates the platform admin from ADMIN_EMAIL/ADMIN_PASSWORD,
 * or with a generated password that the caller prints once. Either way the password is temporary.
 */
export async function bootstrapAdmin(
  rt: Runtime,
): Promise<{ email: string; generatedPassword?: string } | null> {
  // Every start but the first ends here, without paying for a hash.
  if (await hasUsers(rt.db)) return null;
  const email = rt.config.adminEmail ?? DEFAULT_ADMIN_EMAIL;
  const generatedPassword = rt.config.adminPassword ? undefined : randomToken(15);
  const password = rt.config.adminPassword ?? generatedPassword!;
  const problems = passwordPolicyProblems(password, { email });
  if (problems.length > 0)
    throw new ConfigError(`Setting ADMIN_PASSWORD is refused: it ${problems.join(', ')}.`);
  // Hashed before the transaction: argon2 must not hold the lock (or PGlite's only connection).
  const passwordHash = await rt.hasher.hash(password);
  return rt.db.transaction(async (tx) => {
    // Without the lock, two instances starting on an empty database both see no users and the
    // second one dies on the unique email; with it, the second waits and then finds the admin.
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
    if (await hasUsers(tx)) return null;
    const [admin] = await tx
      .insert(users)
      .values({ email, firstName: 'Platform', lastName: 'Admin', passwordHash, passwordChangeRequired: true })
      .returning();
    await tx
      .insert(roleLinks)
      .values({ userId: admin!.id, roleCode: PLATFORM_ADMIN, entityType: 'platform' });
    await recordAuditEvent(tx, undefined, {
      action: 'admin.bootstrap',
      subjectUserId: admin!.id,
      data: { email },
    });
    return { email, generatedPassword };
  });
}

async function hasUsers(db: Db) {
  const [existing] = await db.select({ n: count() }).from(users);
  return existing!.n > 0;
}
