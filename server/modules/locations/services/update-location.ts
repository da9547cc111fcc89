import 'server-only';
import canonicalize from 'canonicalize';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { businessLocations } from '@/db/schema';
import type { PrincipalContext } from '@/server/core/context';
import { transaction } from '@/server/core/transactions';
import { auditActor, recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { toStoredAddress } from '@/server/modules/organizations/services/present-organization';
import type { locationUpdateInput } from '../schemas';
import { type LocationRow, type LocationVia, locationToAct } from './location-access';
import { locationConflict } from './location-records';

type UpdateInput = z.infer<typeof locationUpdateInput>;

/** The row after the update (REST.md "Updates"): absent stays, `""`/null clears, address replaced whole. */
function nextColumns(row: LocationRow, input: UpdateInput) {
  const coordinates =
    input.coordinates === undefined
      ? { latitude: row.latitude, longitude: row.longitude }
      : { latitude: input.coordinates?.latitude ?? null, longitude: input.coordinates?.longitude ?? null };
  return {
    name: input.name ?? row.name,
    code: input.code === undefined ? row.code : input.code || null,
    type: input.type === undefined ? row.type : input.type,
    basin: input.basin === undefined ? row.basin : input.basin,
    isDirectConnection: input.isDirectConnection ?? row.isDirectConnection,
    preferredSuppliers: input.preferredSuppliers ?? row.preferredSuppliers,
    ...coordinates,
    address: input.address === undefined ? row.address : toStoredAddress(input.address),
    status: input.status ?? row.status,
  };
}

/** The fields an update changed, as the API names them (latitude and longitude are `coordinates`). */
function changedFields(row: LocationRow, next: ReturnType<typeof nextColumns>) {
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
    // jsonb gives keys back in its own order: compare canonical JSON, not strings
    (k) => canonicalize(next[k]) !== canonicalize(row[k]),
  );
  return [...new Set(changed.map((k) => (k === 'latitude' || k === 'longitude' ? 'coordinates' : k)))];
}

/**
 * #22 (and #41 for an admin): the one place a location changes. Audited as location.updated with
 * the changed fields, and a status change as location.statusChanged; an update that changes
 * nothing writes nothing. profileId never changes.
 */
export async function updateLocation(
  ctx: PrincipalContext,
  input: UpdateInput,
  via: LocationVia = 'member',
): Promise<LocationRow> {
  try {
    return await transaction(ctx, async (ctx) => {
      const row = await locationToAct(ctx, input._id, 'locations.write', via, { lock: true });
      const next = nextColumns(row, input);
      const changed = changedFields(row, next);
      if (changed.length === 0) return row;
      const [updated] = await ctx.db
        .update(businessLocations)
        .set({ ...next, updatedAt: ctx.rt.clock.now() })
        .where(eq(businessLocations.id, row.id))
        .returning();
      const event = {
        ...auditActor(ctx.principal),
        organizationId: row.organizationId,
        targetType: 'business_location',
        targetId: row.id,
      };
      const fields = changed.filter((field) => field !== 'status');
      if (fields.length > 0)
        await recordAuditEvent(ctx.db, ctx.meta, {
          ...event,
          action: 'location.updated',
          data: { name: updated!.name, changed: fields },
        });
      if (next.status !== row.status)
        await recordAuditEvent(ctx.db, ctx.meta, {
          ...event,
          action: 'location.statusChanged',
          data: { name: updated!.name, from: row.status, status: next.status },
        });
      return updated!;
    });
  } catch (error) {
    throw locationConflict(error, input) ?? error;
  }
}
