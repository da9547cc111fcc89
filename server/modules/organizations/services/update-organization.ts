import 'server-only';
import canonicalize from 'canonicalize';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { organizations } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import type { adminOrganizationUpdateInput } from '@/server/modules/admin/schemas';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { presentOrganization, toStoredAddress } from './present-organization';

type Input = z.infer<typeof adminOrganizationUpdateInput>;
type Row = typeof organizations.$inferSelect;

/** The new values of the fields the body names; absent fields are not touched (REST.md "Updates"). */
function nextValues(row: Row, input: Input) {
  return {
    name: input.name ?? row.name,
    taxId: input.taxId ?? row.taxId,
    duns: input.duns ?? row.duns,
    status: input.status ?? row.status,
    address: input.address === undefined ? row.address : toStoredAddress(input.address),
  };
}

const actionFor = (before: Row['status'], after: Row['status']) =>
  before === after
    ? 'organization.updated'
    : after === 'archive'
      ? 'organization.archived'
      : 'organization.restored';

/**
 * #36: `""` clears taxId and duns, `address: {}` clears the address, an address is replaced whole.
 * Archiving takes effect at once: `authorize` grants nothing in an archived organization.
 */
export async function updateOrganization(ctx: UserContext, input: Input) {
  return transaction(ctx, async (ctx) => {
    const [row] = await ctx.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, input._id))
      .for('update');
    if (!row) throw new AppError('ORGANIZATION_NOT_FOUND');
    const next = nextValues(row, input);
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
      // jsonb gives keys back in its own order: compare canonical JSON, not strings
      (k) => canonicalize(next[k]) !== canonicalize(row[k]),
    );
    if (changed.length === 0) return presentOrganization(row);
    const [updated] = await ctx.db
      .update(organizations)
      .set({ ...next, updatedAt: ctx.rt.clock.now() })
      .where(eq(organizations.id, row.id))
      .returning();
    await recordAuditEvent(ctx.db, ctx.meta, {
      action: actionFor(row.status, next.status),
      actorUserId: ctx.principal.userId,
      organizationId: row.id,
      targetType: 'organization',
      targetId: row.id,
      data: { changed },
    });
    return presentOrganization(updated!);
  });
}
