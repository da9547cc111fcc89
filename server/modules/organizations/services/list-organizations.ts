import 'server-only';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { organizations } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { DEFAULT_LIMIT } from '@/server/core/pagination';
import { containsText } from '@/server/core/query/search';
import { countColumn, countSort, sortedKeyset, textSort, timeSort } from '@/server/core/query/sort';
import type { AdminOrganizationSortField, adminOrganizationListInput } from '@/server/modules/admin/schemas';
import { presentOrganization } from './present-organization';

// spelled out: in a one-table select Drizzle leaves columns unqualified, and an unqualified
// "id" inside the subquery would be the profile's
const profileCount = sql<number>`(select count(*) from organization_profiles p
  where p.organization_id = organizations.id)`;

const sortFields = {
  name: textSort(organizations.name),
  status: textSort(organizations.status),
  createdAt: timeSort(organizations.createdAt),
  profileCount: countSort(profileCount),
} satisfies Record<AdminOrganizationSortField, unknown>;

/**
 * #37: every organization (search: part of the name, any case), with its profile count; sorted by
 * name unless `sort` says otherwise; `total` counts every match.
 */
export async function listOrganizations(ctx: UserContext, input: z.infer<typeof adminOrganizationListInput>) {
  const limit = input.limit ?? DEFAULT_LIMIT;
  const order = sortedKeyset(sortFields, organizations.id, { field: 'name', direction: 'asc' }, input);
  const filter = and(
    input.search ? containsText(organizations.name, input.search) : undefined,
    input.status ? eq(organizations.status, input.status) : undefined,
  );
  const rows = await ctx.db
    .select({
      ...getTableColumns(organizations),
      sortKey: order.key,
      profileCount: profileCount.mapWith(Number),
    })
    .from(organizations)
    .where(and(filter, order.after))
    .orderBy(...order.orderBy)
    .limit(limit + 1)
    .offset(input.offset ?? 0);
  const [counted] = await ctx.db.select({ total: countColumn }).from(organizations).where(filter);
  return {
    ...order.page(
      rows,
      limit,
      (o) => o.id,
      (o) => ({ ...presentOrganization(o), profileCount: o.profileCount }),
    ),
    total: counted?.total ?? 0,
  };
}
