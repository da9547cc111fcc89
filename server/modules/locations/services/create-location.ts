import 'server-only';
import type { z } from 'zod';
import type { PrincipalContext } from '@/server/core/context';
import { transaction } from '@/server/core/transactions';
import { auditActor, recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import type { locationCreateInput } from '../schemas';
import { type LocationRow, type LocationVia, profileToWrite } from './location-access';
import { insertLocations, locationConflict } from './location-records';

/**
 * #21 (and #41 for an admin): one location in a profile, active unless told, audited with the
 * principal (a key's events name the key). A name or code the profile already has is 409, also
 * when two requests race (the unique index decides).
 */
export async function createLocation(
  ctx: PrincipalContext,
  input: z.infer<typeof locationCreateInput>,
  via: LocationVia = 'member',
): Promise<LocationRow> {
  try {
    return await transaction(ctx, async (ctx) => {
      const target = await profileToWrite(ctx, input.profileId, via);
      const { profileId, ...fields } = input;
      const [row] = await insertLocations(ctx.db, ctx, target, [fields]);
      await recordAuditEvent(ctx.db, ctx.meta, {
        action: 'location.created',
        ...auditActor(ctx.principal),
        organizationId: row!.organizationId,
        targetType: 'business_location',
        targetId: row!.id,
        data: { name: row!.name, profileId },
      });
      return row!;
    });
  } catch (error) {
    throw locationConflict(error, input) ?? error;
  }
}
