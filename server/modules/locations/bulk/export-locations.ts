import 'server-only';
import { stringify } from 'csv-stringify/sync';
import { and, asc, gt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { businessLocations } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import type { PrincipalContext } from '@/server/core/context';
import type { FileAnswer } from '@/server/core/meta';
import { auditActor, recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import type { locationExportInput } from '../schemas';
import { locationFilters } from '../services/location-filters';
import { csvColumns, locationToCsvRow } from './csv-format';

/** Rows per query: the export never holds more than this many locations as objects at once. */
export const EXPORT_BATCH = 2000;

const t = businessLocations;
const nameOrder = sql<string>`lower(${t.name})`;

/**
 * #49 export: the profile's locations under the list's filters (one WHERE, location-filters.ts)
 * as the location CSV, ordered by name (unique within a profile, so the order is total and the
 * same file comes out of any profile holding the same locations). Read in keyset batches along
 * the (profile, lower(name)) unique index and written batch by batch, so only text accumulates.
 */
export async function exportLocations(
  ctx: PrincipalContext,
  input: z.infer<typeof locationExportInput>,
): Promise<FileAnswer> {
  const access = await authorize(ctx, 'locations.read', { profileId: input.profileId });
  const chunks = [stringify([[...csvColumns]], { record_delimiter: 'windows' })];
  let count = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await ctx.db
      .select({
        key: nameOrder,
        name: t.name,
        code: t.code,
        type: t.type,
        basin: t.basin,
        isDirectConnection: t.isDirectConnection,
        preferredSuppliers: t.preferredSuppliers,
        latitude: t.latitude,
        longitude: t.longitude,
        address: t.address,
        status: t.status,
      })
      .from(t)
      .where(and(locationFilters(input), after === undefined ? undefined : gt(nameOrder, after)))
      .orderBy(asc(nameOrder))
      .limit(EXPORT_BATCH);
    if (rows.length === 0) break;
    chunks.push(stringify(rows.map(locationToCsvRow), { record_delimiter: 'windows' }));
    count += rows.length;
    if (rows.length < EXPORT_BATCH) break;
    after = rows.at(-1)!.key;
  }
  const { profileId, ...filters } = input;
  await recordAuditEvent(ctx.db, ctx.meta, {
    action: 'location.exported',
    ...auditActor(ctx.principal),
    organizationId: access.organizationId,
    targetType: 'organization_profile',
    targetId: profileId,
    data: { filters, count },
  });
  return {
    contentType: 'text/csv; charset=utf-8',
    filename: `locations-${profileId}-${ctx.rt.clock.now().toISOString().slice(0, 10)}.csv`,
    body: chunks.join(''),
  };
}
