import 'server-only';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db } from '@/db/client';
import { businessLocations } from '@/db/schema';
import { AppError } from '@/server/core/errors';
import type { LocationCreate } from './csv-format';
import { findTakenNamesAndCodes, type ImportRow } from './validate-csv';

/** Rows per INSERT: each is one statement with one JSON parameter. */
export const INSERT_BATCH = 1000;

export type ImportTenant = { organizationId: string; profileId: string };
/** Who imports: the person, or the API key and its creator (the job knows them from its import row). */
export type ImportActor = { userId: string | null; keyId: string | null };

/** The fields of one row that differ from row to row, as the statement's JSON reads them. */
const perRow = (value: LocationCreate) => ({
  id: uuidv7(),
  name: value.name,
  code: value.code || null,
  type: value.type ?? null,
  basin: value.basin ?? null,
  is_direct_connection: value.isDirectConnection ?? false,
  preferred_suppliers: value.preferredSuppliers ?? [],
  latitude: value.coordinates?.latitude ?? null,
  longitude: value.coordinates?.longitude ?? null,
  address: value.address,
  status: value.status ?? 'active',
});

/**
 * One batch as one INSERT … SELECT FROM jsonb_to_recordset: the rows travel as a single JSON
 * parameter instead of 17 bound parameters each, which the query builder takes far longer to
 * assemble than the database takes to insert (the import benchmark). Columns are named as
 * migration 0007 created them; tenant, creator and time are the same for every row.
 */
function insertBatch(
  tx: Db,
  tenant: ImportTenant,
  actor: ImportActor,
  rows: readonly ImportRow[],
  now: Date,
) {
  const at = now.toISOString();
  return tx.execute(sql`
    insert into ${businessLocations} (id, organization_id, profile_id, name, code, type, basin,
      is_direct_connection, preferred_suppliers, latitude, longitude, address, status,
      created_by, created_by_key_id, created_at, updated_at)
    select r.id, ${tenant.organizationId}::uuid, ${tenant.profileId}::uuid, r.name, r.code, r.type,
      r.basin, r.is_direct_connection, r.preferred_suppliers, r.latitude, r.longitude, r.address,
      r.status, ${actor.userId}::uuid, ${actor.keyId}::uuid, ${at}::timestamptz, ${at}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows.map((r) => perRow(r.value)))}::jsonb) as r(
      id uuid, name text, code text, type text, basin text, is_direct_connection boolean,
      preferred_suppliers jsonb, latitude double precision, longitude double precision,
      address jsonb, status text)`);
}

/**
 * Inserts validated rows in batches, inside the caller's (one, short) transaction. Names and codes
 * are checked again first: a location added since the validation makes its rows bad rows, never
 * a half import. (Two writers racing past this check still meet the unique indexes; the caller
 * turns that violation into row errors.)
 */
export async function insertLocations(
  tx: Db,
  tenant: ImportTenant,
  actor: ImportActor,
  rows: readonly ImportRow[],
  now: Date,
): Promise<number> {
  const taken = await findTakenNamesAndCodes(tx, tenant.profileId, rows);
  if (taken.length > 0)
    throw new AppError('CSV_ROWS_INVALID', rowsInvalidDetail(taken.length), { errors: taken });
  for (let at = 0; at < rows.length; at += INSERT_BATCH) {
    await insertBatch(tx, tenant, actor, rows.slice(at, at + INSERT_BATCH), now);
  }
  return rows.length;
}

export const rowsInvalidDetail = (count: number) =>
  `${count} ${count === 1 ? 'problem' : 'problems'} in the file; nothing was imported.`;
