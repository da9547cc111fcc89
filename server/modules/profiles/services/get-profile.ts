import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { organizationProfiles, organizations } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import type { PrincipalContext, UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import type { adminProfileGetInput } from '@/server/modules/admin/schemas';
import type { profileIdInput } from '@/server/modules/organizations/schemas';
import { presentAdminProfile, presentProfile } from './present-profile';

/** A profile the caller may read (profiles.read there); another tenant's is 404 like a missing one. */
export async function getProfile(ctx: PrincipalContext, input: z.infer<typeof profileIdInput>) {
  const access = await authorize(ctx, 'profiles.read', { profileId: input.profileId });
  const [row] = await ctx.db
    .select()
    .from(organizationProfiles)
    .where(
      and(
        eq(organizationProfiles.id, input.profileId),
        eq(organizationProfiles.organizationId, access.organizationId!),
      ),
    );
  if (!row) throw new AppError('PROFILE_NOT_FOUND');
  return presentProfile(row);
}

/** Any profile, with its organization's name, for the admin console. */
export async function getProfileForAdmin(ctx: UserContext, input: z.infer<typeof adminProfileGetInput>) {
  const [found] = await ctx.db
    .select({ profile: organizationProfiles, organizationName: organizations.name })
    .from(organizationProfiles)
    .innerJoin(organizations, eq(organizations.id, organizationProfiles.organizationId))
    .where(eq(organizationProfiles.id, input._id));
  if (!found) throw new AppError('PROFILE_NOT_FOUND');
  return presentAdminProfile({ ...found.profile, organizationName: found.organizationName });
}
