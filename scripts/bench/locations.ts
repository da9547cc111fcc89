import { performance } from 'node:perf_hooks';
import { locationCsvColumns } from '@/server/modules/locations/schemas';
import { median } from './report';

/**
 * The business-location probes' fixtures (issue 10): locations to list, the bulk import of 10,000
 * rows into fresh profiles, and an API key to list with. All through the public REST API.
 */

const csvOf = (rows: number, prefix: string) =>
  [
    locationCsvColumns.join(','),
    ...Array.from(
      { length: rows },
      (_, i) =>
        `${prefix} ${i + 1},buying,Permian,true,Supplier A;Supplier B,${(31 + (i % 1000) / 1000).toFixed(3)},-103.5,US,TX,Pecos,${i + 1} Main St,79772,active`,
    ),
  ].join('\r\n');

async function post(url: string, path: string, token: string, body: unknown) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

async function importCsv(url: string, token: string, profileId: string, csv: string) {
  const res = await fetch(`${url}/api/v1/business-locations/import?profileId=${profileId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: csv,
  });
  if (res.status !== 200) throw new Error(`location import failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { imported: number };
}

async function newProfile(url: string, token: string, organizationId: string, name: string) {
  const created = await post(url, '/api/v1/admin/organization-profiles/create', token, {
    name,
    organizationId,
    participantTypes: ['producer'],
    participantTags: [{ tag: 'nat_gas_producer' }],
  });
  if (created.status !== 201) throw new Error(`profile create failed: ${created.status}`);
  return created.body._id as string;
}

/** A profile with `count` locations, for the list probes (a page of 50 is a full page). */
export async function seedLocations(url: string, token: string, organizationId: string, count = 120) {
  const profileId = await newProfile(url, token, organizationId, 'Bench Locations');
  await importCsv(url, token, profileId, csvOf(count, 'Point'));
  return profileId;
}

/** Wall time of `runs` REST imports of `rows` rows, each into a fresh profile; the median in ms. */
export async function measureBulkImport(
  url: string,
  token: string,
  organizationId: string,
  rows: number,
  runs: number,
) {
  const csv = csvOf(rows, 'Bulk');
  const times: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const profileId = await newProfile(url, token, organizationId, `Bench Import ${run}`);
    const started = performance.now();
    const { imported } = await importCsv(url, token, profileId, csv);
    times.push(performance.now() - started);
    if (imported !== rows) throw new Error(`imported ${imported} of ${rows} rows`);
  }
  return { medianMs: median(times), times };
}

/** An API key of the profile with locations:read, or undefined where API keys are not built yet. */
export async function createLocationsKey(url: string, token: string, profileId: string) {
  const created = await post(url, '/api/v1/api-keys/create', token, {
    profileId,
    name: 'Bench key',
    scopes: ['locations:read'],
  });
  if (created.status !== 201 && created.status !== 200) return undefined;
  return { clientId: created.body.clientId as string, clientKey: created.body.clientKey as string };
}
