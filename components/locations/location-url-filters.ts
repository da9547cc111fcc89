import {
  type Basin,
  canonicalBasin,
  type LocationStatus,
  type LocationType,
  locationStatuses,
  locationTypeNames,
} from '@/server/modules/locations/catalog';
import { locationLimits } from '@/server/modules/locations/schemas';

/** The URL keys of the locations list's filters (`?status=active&type=buying&basin=Permian&q=tx`). */
export const locationFilterKeys = ['status', 'type', 'basin'] as const;
export type LocationFilterKey = (typeof locationFilterKeys)[number];

export type LocationUrlFilters = {
  status?: LocationStatus;
  type?: LocationType;
  basin?: Basin;
  q?: string;
};

const isStatus = (value: string): value is LocationStatus =>
  (locationStatuses as readonly string[]).includes(value);
const isType = (value: string): value is LocationType =>
  (locationTypeNames as readonly string[]).includes(value);

/**
 * The filters a shared or hand-edited address names, kept only when the server would accept them:
 * an unknown status or type is dropped (the whole list rather than a 400), a basin in any case or
 * under another name becomes its canonical name, the search is trimmed and cut to its limit.
 */
export function parseLocationFilters(raw: {
  status?: string | null;
  type?: string | null;
  basin?: string | null;
  q?: string | null;
}): LocationUrlFilters {
  const filters: LocationUrlFilters = {};
  if (raw.status && isStatus(raw.status)) filters.status = raw.status;
  if (raw.type && isType(raw.type)) filters.type = raw.type;
  const basin = raw.basin ? canonicalBasin(raw.basin) : undefined;
  if (basin) filters.basin = basin;
  const q = raw.q?.trim().slice(0, locationLimits.search);
  if (q) filters.q = q;
  return filters;
}
