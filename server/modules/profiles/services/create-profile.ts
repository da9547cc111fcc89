import 'server-only';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { organizationProfiles, organizations } from '@/db/schema';
import { actingUserId, type PrincipalContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import type { adminProfileCreateInput } from '@/server/modules/admin/schemas';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { presentAdminProfile, toStoredTags } from './present-profile';

/** #38: a profile of an active organization (an archived one takes no new profiles: 409). */
export async function createProfile(ctx: PrincipalContext, input: z.infer<typeof adminProfileCreateInput>) {
  return transaction(ctx, async (ctx) => {
    // the share lock keeps the organization from being archived while its profile is created
    const [organization] = await ctx.db
      .select({ id: organizations.id, name: organizations.name, status: organizations.status })
      .from(organizations)
      .where(eq(organizations.id, input.organizationId))
      .for('share');
    if (!organization) throw new AppError('ORGANIZATION_NOT_FOUND');
    if (organization.status !== 'active')
      throw new AppError(
        'ORGANIZATION_ARCHIVED',
        'The organization is archived; restore it before adding profiles.',
      );
    const now = ctx.rt.clock.now();
    const [profile] = await ctx.db
      .insert(organizationProfiles)
      .values({
        organizationId: organization.id,
        name: input.name,
        taxId: input.taxId ?? '',
        duns: input.duns ?? '',
        participantTypes: input.participantTypes ?? [],
        participantTags: toStoredTags(input.participantTags),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAuditEvent(ctx.db, ctx.meta, {
      action: 'profile.created',
      actorUserId: actingUserId(ctx.principal),
      organizationId: organization.id,
      targetType: 'organization_profile',
      targetId: profile!.id,
      data: { name: profile!.name },
    });
    return presentAdminProfile({ ...profile!, organizationName: organization.name });
  });
}
