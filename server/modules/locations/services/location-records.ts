import 'server-only';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { businessLocations } from '@/db/schema';
import type { PrincipalContext } from '@/server/core/context';
import { AppError, type FieldError } from '@/server/core/errors';
import { isUniqueViolation } from '@/server/core/query/unique-violation';
import { auditActor } from '@/server/modules/audit/services/record-audit-event';
import { toStoredAddress } from '@/server/modules/organizations/services/present-organization';
import type { locationCreateInput } from '../schemas';
import type { LocationRow } from './location-access';

/**
 * The one way locations are written: a single create and the CSV import (a row is a create input)
 * insert through insertLocations, and every unique violation becomes the same 409. The unique
 * indexes are the rule (name per profile in any case, code per profile); checking first would
 * still let two concurrent requests through, the index does not.
 */

export type LocationCreate = Omit<z.infer<typeof locationCreateInput>, 'profileId'>;

export const NAME_INDEX = 'business_locations_name_key';
export const CODE_INDEX = 'business_locations_code_key';

const nameTaken = (name: string) =>
  new AppError('LOCATION_NAME_TAKEN', `The profile already has a location named "${name}".`, {
    errors: [{ path: 'name', message: 'is already the name of another location of this profile' }],
  });
const codeTaken = (code: string) =>
  new AppError('LOCATION_CODE_TAKEN', `The profile already has a location with the code "${code}".`, {
    errors: [{ path: 'code', message: 'is already the code of another location of this profile' }],
  });

/** The 409 for a unique violation of a location's name or code, else undefined. */
export function locationConflict(error: unknown, sent: { name?: string; code?: string | null }) {
  if (isUniqueViolation(error, NAME_INDEX)) return nameTaken(sent.name ?? '');
  if (isUniqueViolation(error, CODE_INDEX)) return codeTaken(sent.code ?? '');
  return undefined;
}

/** A location's stored columns from a create input: `""` code is none, coordinates split in two. */
export const toLocationColumns = (input: LocationCreate) => ({
  name: input.name,
  code: input.code ? input.code : null,
  type: input.type ?? null,
  basin: input.basin ?? null,
  isDirectConnection: input.isDirectConnection ?? false,
  preferredSuppliers: input.preferredSuppliers ?? [],
  latitude: input.coordinates?.latitude ?? null,
  longitude: input.coordinates?.longitude ?? null,
  address: toStoredAddress(input.address),
  status: input.status ?? 'active',
});

/**
 * Inserts these locations into one profile in one statement, made by the principal (a key's
 * creator and the key itself), and returns them in input order. Call it inside the transaction
 * that audits them; a name or code already taken is a 409 (see locationConflict).
 */
export async function insertLocations(
  tx: Db,
  ctx: PrincipalContext,
  target: { organizationId: string; profileId: string },
  rows: readonly LocationCreate[],
): Promise<LocationRow[]> {
  if (rows.length === 0) return [];
  const now = ctx.rt.clock.now();
  const actor = auditActor(ctx.principal);
  return tx
    .insert(businessLocations)
    .values(
      rows.map((row) => ({
        ...toLocationColumns(row),
        organizationId: target.organizationId,
        profileId: target.profileId,
        createdBy: actor.actorUserId,
        createdByKeyId: actor.actorKeyId,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning();
}

const json = (values: string[]) => sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/**
 * For a batch about to be inserted (the CSV import validates every row first): each row whose
 * name (any case) or code repeats an earlier row of the batch or a location the profile already
 * has, as `{ index, path, message }`. One query however large the batch.
 */
export async function findLocationConflicts(
  db: Db,
  profileId: string,
  rows: readonly { name: string; code?: string | null }[],
): Promise<(FieldError & { index: number })[]> {
  const names = rows.map((row) => row.name.toLowerCase());
  const codes = rows.flatMap((row) => (row.code ? [row.code] : []));
  const t = businessLocations;
  const existing = await db
    .select({ name: sql<string>`lower(${t.name})`, code: t.code })
    .from(t)
    .where(
      and(
        eq(t.profileId, profileId),
        or(
          inArray(sql`lower(${t.name})`, json(names)),
          codes.length ? inArray(t.code, json(codes)) : undefined,
        ),
      ),
    );
  const takenNames = new Set(existing.map((row) => row.name));
  const takenCodes = new Set(existing.flatMap((row) => (row.code ? [row.code] : [])));
  const conflicts: (FieldError & { index: number })[] = [];
  const batchNames = new Set<string>();
  const batchCodes = new Set<string>();
  rows.forEach((row, index) => {
    const name = names[index]!;
    if (takenNames.has(name))
      conflicts.push({ index, path: 'name', message: 'is already the name of a location of this profile' });
    else if (batchNames.has(name))
      conflicts.push({ index, path: 'name', message: 'repeats the name of an earlier row' });
    batchNames.add(name);
    if (!row.code) return;
    if (takenCodes.has(row.code))
      conflicts.push({ index, path: 'code', message: 'is already the code of a location of this profile' });
    else if (batchCodes.has(row.code))
      conflicts.push({ index, path: 'code', message: 'repeats the code of an earlier row' });
    batchCodes.add(row.code);
  });
  return conflicts;
}
