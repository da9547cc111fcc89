import 'server-only';
import type { z } from 'zod';
import { organizations } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { transaction } from '@/server/core/transactions';
import type { adminOrganizationCreateInput } from '@/server/modules/admin/schemas';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { presentOrganization, toStoredAddress } from './present-organization';

/** #35: a new, active organization; people join it through role links (#27) or invitations. */
export async function createOrganization(
  ctx: UserContext,
  input: z.infer<typeof adminOrganizationCreateInput>,
) {
  return transaction(ctx, async (ctx) => {
    const now = ctx.rt.clock.now();
    const [organization] = await ctx.db
      .insert(organizations)
      .values({
        name: input.name,
        taxId: input.taxId ?? '',
        duns: input.duns ?? '',
        address: toStoredAddress(input.address),
        createdBy: ctx.principal.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAuditEvent(ctx.db, ctx.meta, {
      action: 'organization.created',
      actorUserId: ctx.principal.userId,
      organizationId: organization!.id,
      targetType: 'organization',
      targetId: organization!.id,
      data: { name: organization!.name },
    });
    return presentOrganization(organization!);
  });
}
