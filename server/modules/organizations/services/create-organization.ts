import type { z } from 'zod';
import { organizations } from '@/db/schema';
import type { ActorContext } from '@/server/core/context';
import type { adminOrganizationCreateInput } from '@/server/modules/admin/schemas';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { presentOrganization, toStoredAddress } from './present-organization';

/** #35: a new, active organization; people join it through role links (#27) or invitations. */
export async function createOrganization(
  ctx: ActorContext,
  input: z.infer<typeof adminOrganizationCreateInput>,
) {
  return ctx.rt.db.transaction(async (tx) => {
    const now = ctx.rt.clock.now();
    const [organization] = await tx
      .insert(organizations)
      .values({
        name: input.name,
        taxId: input.taxId ?? '',
        duns: input.duns ?? '',
        address: toStoredAddress(input.address),
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAuditEvent(tx, ctx.meta, {
      action: 'organization.created',
      actorUserId: ctx.actor.userId,
      organizationId: organization!.id,
      targetType: 'organization',
      targetId: organization!.id,
      data: { name: organization!.name },
    });
    return presentOrganization(organization!);
  });
}
