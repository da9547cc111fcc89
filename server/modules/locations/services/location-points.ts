import 'server-only';
import { and, asc, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import { businessLocations } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import type { PrincipalContext } from '@/server/core/context';
import { type LocationPoint, type locationPointsInput, MAX_LOCATION_POINTS } from '../schemas';
import { locationFilters } from './location-filters';

/**
 * The map: every located location of the filtered set, up to MAX_LOCATION_POINTS, in one light
 * query (six columns, no address or suppliers). `truncated` says the map does not show them all.
 */
export async function locationPoints(ctx: PrincipalContext, input: z.infer<typeof locationPointsInput>) {
  await authorize(ctx, 'locations.read', { profileId: input.profileId });
  const t = businessLocations;
  const rows = await ctx.db
    .select({
      _id: t.id,
      name: t.name,
      type: t.type,
      status: t.status,
      latitude: t.latitude,
      longitude: t.longitude,
    })
    .from(t)
    .where(and(locationFilters(input), isNotNull(t.latitude)))
    .orderBy(asc(t.id))
    .limit(MAX_LOCATION_POINTS + 1);
  return {
    items: rows.slice(0, MAX_LOCATION_POINTS) as LocationPoint[],
    truncated: rows.length > MAX_LOCATION_POINTS,
  };
}
