import 'server-only';
import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { organizations } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { DEFAULT_LIMIT, toPage } from '@/server/core/pagination';
import { afterTextId, containsText, decodeTextIdCursor } from '@/server/core/query/search';
import type { adminOrganizationListInput } from '@/server/modules/admin/schemas';
import { presentOrganization } from './present-organization';

/** #37: every organization (search: part of the name, any case), sorted by name, with its profile count. */
export async function listOrganizations(ctx: UserContext, input: z.infer<typeof adminOrganizationListInput>) {
  const limit = input.limit ?? DEFAULT_LIMIT;
  const cursor = decodeTextIdCursor(input.cursor);
  const rows = await ctx.db
    .select({
      ...getTableColumns(organizations),
      sortKey: sql<string>`lower(${organizations.name})`,
      // spelled out: in a one-table select Drizzle leaves columns unqualified, and an unqualified
      // "id" inside the subquery would be the profile's
      profileCount: sql<number>`(select count(*) from organization_profiles p
        where p.organization_id = organizations.id)`.mapWith(Number),
    })
    .from(organizations)
    .where(
      and(
        input.search ? containsText(organizations.name, input.search) : undefined,
        input.status ? eq(organizations.status, input.status) : undefined,
        cursor ? afterTextId(organizations.name, organizations.id, cursor) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${organizations.name})`), asc(organizations.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (o) => [o.sortKey, o.id],
    (o) => ({ ...presentOrganization(o), profileCount: o.profileCount }),
  );
}
