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

/**
 * The filters on a location's own fields (status, type, basin, `q` on name or code in any case),
 * without the tenant: the admin list adds its own optional organization and profile.
 */
export function locationFieldFilters(filters: Omit<LocationFilters, 'profileId'>): SQL | undefined {
  const t = businessLocations;
  return and(
    filters.status ? eq(t.status, filters.status as 'active') : undefined,
    filters.type ? eq(t.type, filters.type) : undefined,
    filters.basin ? eq(t.basin, filters.basin) : undefined,
    filters.q ? or(containsText(t.name, filters.q), containsText(t.code, filters.q)) : undefined,
  );
}

/** The one WHERE of a profile's locations under the list's filters: the list and the export share it. */
export function locationFilters(filters: LocationFilters): SQL {
  return and(eq(businessLocations.profileId, filters.profileId), locationFieldFilters(filters))!;
}
