import 'server-only';
import { and, eq, or, type SQL } from 'drizzle-orm';
import { businessLocations } from '@/db/schema';
import { containsText } from '@/server/core/query/search';

export type LocationFilters = {
  profileId: string;
  status?: string;
  type?: string;
  basin?: string;
  q?: string;
};

/** The one WHERE of a profile's locations under the list's filters: the list and the export share it. */
export function locationFilters(filters: LocationFilters): SQL {
  const t = businessLocations;
  return and(
    eq(t.profileId, filters.profileId),
    filters.status ? eq(t.status, filters.status as 'active') : undefined,
    filters.type ? eq(t.type, filters.type) : undefined,
    filters.basin ? eq(t.basin, filters.basin) : undefined,
    filters.q ? or(containsText(t.name, filters.q), containsText(t.code, filters.q)) : undefined,
  )!;
}
