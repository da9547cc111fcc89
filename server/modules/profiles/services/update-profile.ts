import 'server-only';
import canonicalize from 'canonicalize';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { organizationProfiles, organizations } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import type { adminProfileUpdateInput } from '@/server/modules/admin/schemas';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import type { profileUpdateInput } from '@/server/modules/organizations/schemas';
import { presentAdminProfile, presentProfile, toStoredTags } from './present-profile';

type AdminInput = z.infer<typeof adminProfileUpdateInput>;
type ProfileRow = typeof organizationProfiles.$inferSelect;

/**
 * The one place a profile changes, for a platform admin (#39) and for a member with
 * profiles.write alike: absent fields stay, `""` clears taxId and duns, participantTags replaces
 * the whole list. The caller decides which fields its input may carry.
 */
async function applyProfileChanges(
  tx: Db,
  ctx: UserContext,
  row: ProfileRow,
  input: Omit<AdminInput, '_id'>,
) {
  const next = {
    name: input.name ?? row.name,
    taxId: input.taxId ?? row.taxId,
    duns: input.duns ?? row.duns,
    participantTypes: input.participantTypes ?? row.participantTypes,
    participantTags: input.participantTags ? toStoredTags(input.participantTags) : row.participantTags,
    status: input.status ?? row.status,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
    // jsonb gives keys back in its own order: compare canonical JSON, not strings
    (k) => canonicalize(next[k]) !== canonicalize(row[k]),
  );
  if (changed.length === 0) return row;
  const [updated] = await tx
    .update(organizationProfiles)
    .set({ ...next, updatedAt: ctx.rt.clock.now() })
    .where(eq(organizationProfiles.id, row.id))
    .returning();
  await recordAuditEvent(tx, ctx.meta, {
    action: 'profile.updated',
    actorUserId: ctx.principal.userId,
    organizationId: row.organizationId,
    targetType: 'organization_profile',
    targetId: row.id,
    data: { changed },
  });
  return updated!;
}

/** #39: every field of any profile, participant types and status included. */
export async function updateProfileAsAdmin(ctx: UserContext, input: AdminInput) {
  return transaction(ctx, async (ctx) => {
    const [found] = await ctx.db
      .select({ profile: organizationProfiles, organizationName: organizations.name })
      .from(organizationProfiles)
      .innerJoin(organizations, eq(organizations.id, organizationProfiles.organizationId))
      .where(eq(organizationProfiles.id, input._id))
      .for('update', { of: organizationProfiles });
    if (!found) throw new AppError('PROFILE_NOT_FOUND');
    const { _id, ...changes } = input;
    const updated = await applyProfileChanges(ctx.db, ctx, found.profile, changes);
    return presentAdminProfile({ ...updated, organizationName: found.organizationName });
  });
}

/** A member's edit of their own profile (profiles.write): name, taxId, duns and participant tags only. */
export async function updateProfile(ctx: UserContext, input: z.infer<typeof profileUpdateInput>) {
  return transaction(ctx, async (ctx) => {
    const access = await authorize(ctx, 'profiles.write', { profileId: input._id });
    const [row] = await ctx.db
      .select()
      .from(organizationProfiles)
      .where(
        and(
          eq(organizationProfiles.id, input._id),
          eq(organizationProfiles.organizationId, access.organizationId!),
        ),
      )
      .for('update');
    if (!row) throw new AppError('PROFILE_NOT_FOUND');
    const { name, taxId, duns, participantTags } = input;
    return presentProfile(
      await applyProfileChanges(ctx.db, ctx, row, { name, taxId, duns, participantTags }),
    );
  });
}
