import 'server-only';
import type { Db } from '@/db/client';
import { businessLocations } from '@/db/schema';
import { AppError } from '@/server/core/errors';
import type { LocationCreate } from './csv-format';
import { findTakenNamesAndCodes, type ImportRow } from './validate-csv';

/** Rows per INSERT: 1,000 rows of 17 columns stay far below PostgreSQL's 65,535 bound parameters. */
export const INSERT_BATCH = 1000;

export type ImportTenant = { organizationId: string; profileId: string };
/** Who imports: the person, or the API key and its creator (the job knows them from its import row). */
export type ImportActor = { userId: string | null; keyId: string | null };

/** A validated create input as the row it becomes, created by this actor. */
function rowOf(tenant: ImportTenant, actor: ImportActor, value: LocationCreate, now: Date) {
  return {
    organizationId: tenant.organizationId,
    profileId: tenant.profileId,
    name: value.name,
    code: value.code || null,
    type: value.type ?? null,
    basin: value.basin ?? null,
    isDirectConnection: value.isDirectConnection ?? false,
    preferredSuppliers: value.preferredSuppliers ?? [],
    latitude: value.coordinates?.latitude ?? null,
    longitude: value.coordinates?.longitude ?? null,
    address: value.address,
    status: value.status ?? 'active',
    createdBy: actor.userId,
    createdByKeyId: actor.keyId,
    createdAt: now,
    updatedAt: now,
  } satisfies typeof businessLocations.$inferInsert;
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
    const batch = rows.slice(at, at + INSERT_BATCH);
    await tx.insert(businessLocations).values(batch.map((r) => rowOf(tenant, actor, r.value, now)));
  }
  return rows.length;
}

export const rowsInvalidDetail = (count: number) =>
  `${count} ${count === 1 ? 'problem' : 'problems'} in the file; nothing was imported.`;
