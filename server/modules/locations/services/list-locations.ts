import 'server-only';
import { and, asc, eq, getTableColumns, gt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { businessLocations, organizationProfiles, organizations } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import type { PrincipalContext } from '@/server/core/context';
import { DEFAULT_LIMIT, decodeCursor, toPage, UUID_KEY } from '@/server/core/pagination';
import { countColumn, sortedKeyset, textSort, timeSort } from '@/server/core/query/sort';
import type { adminLocationListInput, locationListInput, locationSortFields } from '../schemas';
import { locationFieldFilters, locationFilters } from './location-filters';
import { presentLocation } from './present-location';

const t = businessLocations;

/** Type and basin may be null: they sort as "" so the keyset comparison never meets a null. */
const sortFields = {
  name: textSort(t.name),
  type: textSort(sql`coalesce(${t.type}, '')`),
  basin: textSort(sql`coalesce(${t.basin}, '')`),
  status: textSort(t.status),
  createdAt: timeSort(t.createdAt),
  updatedAt: timeSort(t.updatedAt),
} satisfies Record<(typeof locationSortFields)[number], unknown>;

type PageInput = Pick<
  z.infer<typeof locationListInput>,
  'sort' | 'offset' | 'withTotal' | 'limit' | 'cursor'
>;

/**
 * One page of the locations matching `filter`, in one query (plus one count with `withTotal`).
 * Without `sort`: oldest first by id (UUIDv7), keyset on the id alone, so the page is a range
 * of the (profile, id) index and a location inserted meanwhile never shifts or repeats a row.
 * With `sort`: keyset on (field, id). `offset` skips rows after the cursor (page-numbered tables).
 */
async function pageOfLocations(
  ctx: PrincipalContext,
  filter: SQL | undefined,
  input: PageInput,
  joinNames: boolean,
) {
  const limit = input.limit ?? DEFAULT_LIMIT;
  const sorted = input.sort
    ? sortedKeyset(sortFields, t.id, { field: 'createdAt', direction: 'asc' }, input)
    : undefined;
  const after = sorted
    ? sorted.after
    : (() => {
        const keys = decodeCursor(input.cursor, [UUID_KEY]);
        return keys ? gt(t.id, keys[0]!) : undefined;
      })();
  const columns = {
    ...getTableColumns(t),
    sortKey: sorted ? sorted.key : sql<string>`${t.id}::text`,
    ...(joinNames
      ? {
          organizationName: sql<string>`${organizations.name}`,
          profileName: sql<string>`${organizationProfiles.name}`,
        }
      : {}),
  };
  const base = ctx.db.select(columns).from(t);
  const joined = joinNames
    ? base
        .innerJoin(organizations, eq(organizations.id, t.organizationId))
        .innerJoin(organizationProfiles, eq(organizationProfiles.id, t.profileId))
    : base;
  const rowsQuery = joined
    .where(and(filter, after))
    .orderBy(...(sorted ? sorted.orderBy : [asc(t.id)]))
    .limit(limit + 1)
    .offset(input.offset ?? 0);
  const [rows, counted] = await Promise.all([
    rowsQuery,
    input.withTotal ? ctx.db.select({ total: countColumn }).from(t).where(filter) : undefined,
  ]);
  const page = <Item>(present: (row: (typeof rows)[number]) => Item) =>
    sorted
      ? sorted.page(rows, limit, (row) => row.id, present)
      : toPage(rows, limit, (row) => [row.id], present);
  return { page, total: counted ? { total: counted[0]?.total ?? 0 } : {} };
}

/** #24: a profile's locations under the filters (locations.read there: a user's role or a key's scope). */
export async function listLocations(ctx: PrincipalContext, input: z.infer<typeof locationListInput>) {
  await authorize(ctx, 'locations.read', { profileId: input.profileId });
  const { page, total } = await pageOfLocations(ctx, locationFilters(input), input, false);
  return { ...page(presentLocation), ...total };
}

/** #41: locations across organizations, each with its organization's and profile's name. */
export async function listLocationsAsAdmin(
  ctx: PrincipalContext,
  input: z.infer<typeof adminLocationListInput>,
) {
  const filter = and(
    input.organizationId ? eq(t.organizationId, input.organizationId) : undefined,
    input.profileId ? eq(t.profileId, input.profileId) : undefined,
    locationFieldFilters(input),
  );
  const { page, total } = await pageOfLocations(ctx, filter, input, true);
  return {
    ...page((row) => ({
      ...presentLocation(row),
      organizationName: (row as { organizationName?: string }).organizationName ?? '',
      profileName: (row as { profileName?: string }).profileName ?? '',
    })),
    ...total,
  };
}
