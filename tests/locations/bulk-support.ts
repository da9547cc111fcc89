import { count, eq } from 'drizzle-orm';
import { businessLocations } from '@/db/schema';
import type { Runtime } from '@/server/core/runtime';
import { locationCsvColumns } from '@/server/modules/locations/schemas';

/** The contract's header row (REST.md "Location CSV"). */
export const HEADER = locationCsvColumns.join(',');

/** A CSV file: the header, then these rows, CRLF-terminated as RFC 4180 writes it. */
export const csvOf = (rows: string[], header = HEADER) => [header, ...rows].map((r) => `${r}\r\n`).join('');

/** A row of the contract's columns: defaults for a valid US location, with these cells replaced. */
export function rowOf(cells: Partial<Record<(typeof locationCsvColumns)[number], string>> = {}) {
  const base: Record<string, string> = {
    name: 'Waha Hub',
    type: 'buying',
    basin: 'Permian',
    isDirectConnection: 'true',
    preferredSuppliers: 'Supplier A;Supplier B',
    latitude: '31.2',
    longitude: '-103.5',
    country: 'US',
    state: 'TX',
    city: 'Pecos',
    line1: '1 Main St',
    postalCode: '79772',
    status: 'active',
    ...cells,
  };
  return locationCsvColumns.map((c) => base[c]).join(',');
}

/** n valid rows with distinct names (and codes when `withCode`): a file of that many locations. */
export function validRows(n: number, prefix = 'Site') {
  return Array.from({ length: n }, (_, i) =>
    rowOf({ name: `${prefix} ${String(i + 1).padStart(5, '0')}`, latitude: String(30 + (i % 100) / 10) }),
  );
}

export async function locationCount(rt: Runtime, profileId: string) {
  const [row] = await rt.db
    .select({ n: count() })
    .from(businessLocations)
    .where(eq(businessLocations.profileId, profileId));
  return row!.n;
}
