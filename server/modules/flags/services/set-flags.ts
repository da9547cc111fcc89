import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { organizationProfiles, profileFlags } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import { actingUserId, type PrincipalContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import { auditActor, recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import type { setFlagsInput } from '../schemas';
import { loadFlags } from './load-flags';

/**
 * #15: sets (true/false) and removes (null) flags of one profile in one transaction, for a member
 * with flags.write and for platform admins alike. The profile row is locked first, so concurrent
 * changes of its flags queue and each event's `before` is what the previous one left. A request
 * that changes nothing records nothing.
 */
export async function setFlags(ctx: PrincipalContext, input: z.infer<typeof setFlagsInput>) {
  return transaction(ctx, async (ctx) => {
    const access = await authorize(ctx, 'flags.write', { profileId: input.profileId });
    const [profile] = await ctx.db
      .select({ id: organizationProfiles.id, name: organizationProfiles.name })
      .from(organizationProfiles)
      .where(
        and(
          eq(organizationProfiles.id, input.profileId),
          eq(organizationProfiles.organizationId, access.organizationId!),
        ),
      )
      .for('update');
    if (!profile) throw new AppError('PROFILE_NOT_FOUND');
    const before = await loadFlags(ctx.db, profile.id);
    const removed = input.flags.filter((f) => f.value === null).map((f) => f.flag);
    const set = input.flags.flatMap((f) => (f.value === null ? [] : [{ flag: f.flag, value: f.value }]));
    const updatedBy = actingUserId(ctx.principal);
    const updatedAt = ctx.rt.clock.now();
    if (removed.length)
      await ctx.db
        .delete(profileFlags)
        .where(and(eq(profileFlags.profileId, profile.id), inArray(profileFlags.flag, removed)));
    if (set.length)
      await ctx.db
        .insert(profileFlags)
        .values(set.map((f) => ({ profileId: profile.id, ...f, updatedBy, updatedAt })))
        .onConflictDoUpdate({
          target: [profileFlags.profileId, profileFlags.flag],
          set: { value: sql`excluded.value`, updatedBy, updatedAt },
        });
    const after = await loadFlags(ctx.db, profile.id);
    const changed = input.flags.map((f) => f.flag).filter((flag) => before[flag] !== after[flag]);
    if (changed.length > 0)
      await recordAuditEvent(ctx.db, ctx.meta, {
        action: 'flags.changed',
        ...auditActor(ctx.principal),
        organizationId: access.organizationId,
        targetType: 'organization_profile',
        targetId: profile.id,
        data: { name: profile.name, changed, before, after },
      });
    return { profileId: profile.id, flags: after };
  });
}
