import 'server-only';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { businessLocations } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import type { PrincipalContext } from '@/server/core/context';
import { transaction } from '@/server/core/transactions';
import { auditActor, recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import type { locationBulkStatusInput } from '../schemas';

/**
 * The table's bulk archive (and restore): these locations of the profile take the status, in one
 * statement and one transaction with one audit event naming them. Ids of other profiles (or
 * missing ones) are not touched and not counted, so they reveal nothing; `updated` counts the
 * locations whose status changed.
 */
export async function setLocationStatus(
  ctx: PrincipalContext,
  input: z.infer<typeof locationBulkStatusInput>,
) {
  return transaction(ctx, async (ctx) => {
    const access = await authorize(ctx, 'locations.write', { profileId: input.profileId });
    const t = businessLocations;
    const changed = await ctx.db
      .update(t)
      .set({ status: input.status, updatedAt: ctx.rt.clock.now() })
      .where(and(eq(t.profileId, input.profileId), inArray(t.id, input.ids), ne(t.status, input.status)))
      .returning({ id: t.id });
    if (changed.length > 0)
      await recordAuditEvent(ctx.db, ctx.meta, {
        action: 'location.statusChanged',
        ...auditActor(ctx.principal),
        organizationId: access.organizationId,
        targetType: 'organization_profile',
        targetId: input.profileId,
        data: { status: input.status, count: changed.length, ids: changed.map((row) => row.id) },
      });
    return { updated: changed.length };
  });
}
