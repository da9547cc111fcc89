import 'server-only';
import { count, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { organizationMembers, organizationProfiles, organizations, users } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import type { adminOverviewOutput } from '../schemas';

type Overview = z.infer<typeof adminOverviewOutput>;

/** Rows per status, as a record (a status with no row is 0). */
const byStatus = (rows: { status: string; n: number }[]) =>
  Object.fromEntries(rows.map((row) => [row.status, Number(row.n)])) as Record<string, number | undefined>;

/**
 * The numbers on the admin console's first page: users, organizations and profiles by status,
 * accounts still without a password, invitations not yet accepted. One grouped count per table,
 * each on an indexed or small column; the platform permission is checked by the procedure.
 */
export async function adminOverview(ctx: UserContext): Promise<Overview> {
  const { db } = ctx;
  const [userRows, organizationRows, profileRows, [invited]] = await Promise.all([
    db
      .select({
        status: users.status,
        n: count(),
        withoutPassword: sql<number>`count(*) filter (where ${users.passwordHash} is null)`,
      })
      .from(users)
      .groupBy(users.status),
    db.select({ status: organizations.status, n: count() }).from(organizations).groupBy(organizations.status),
    db
      .select({ status: organizationProfiles.status, n: count() })
      .from(organizationProfiles)
      .groupBy(organizationProfiles.status),
    db.select({ n: count() }).from(organizationMembers).where(eq(organizationMembers.status, 'invited')),
  ]);
  const usersBy = byStatus(userRows);
  const organizationsBy = byStatus(organizationRows);
  const profilesBy = byStatus(profileRows);
  return {
    users: {
      active: usersBy.active ?? 0,
      disabled: usersBy.disabled ?? 0,
      withoutPassword: Number(userRows.find((row) => row.status === 'active')?.withoutPassword ?? 0),
    },
    organizations: { active: organizationsBy.active ?? 0, archived: organizationsBy.archive ?? 0 },
    profiles: { active: profilesBy.active ?? 0, archived: profilesBy.archive ?? 0 },
    pendingInvitations: Number(invited?.n ?? 0),
  };
}
