import 'server-only';
import { eq } from 'drizzle-orm';
import { businessLocations, organizationProfiles } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import type { Permission } from '@/server/core/access/catalog';
import type { PrincipalContext } from '@/server/core/context';
import { AppError, asAppError } from '@/server/core/errors';

/**
 * Who a location service acts for: `member` a user by role on the profile or an API key by scope
 * (authorize decides, record by record); `admin` the admin console (#41), whose platform
 * permission the procedure builder has already checked, across organizations.
 */
export type LocationVia = 'member' | 'admin';

export type LocationRow = typeof businessLocations.$inferSelect;

/** The profile a location is created in: authorized for a member, existing for an admin. */
export async function profileToWrite(ctx: PrincipalContext, profileId: string, via: LocationVia) {
  if (via === 'member') {
    const access = await authorize(ctx, 'locations.write', { profileId });
    return { organizationId: access.organizationId!, profileId };
  }
  const [profile] = await ctx.db
    .select({ organizationId: organizationProfiles.organizationId })
    .from(organizationProfiles)
    .where(eq(organizationProfiles.id, profileId));
  if (!profile) throw new AppError('PROFILE_NOT_FOUND');
  return { organizationId: profile.organizationId, profileId };
}

/**
 * A location the caller may act on with this permission, locked for update when asked. For a
 * member the location's profile is authorized: a location whose profile the caller cannot see (another
 * tenant's, or not the API key's profile) is LOCATION_NOT_FOUND, exactly like a missing one.
 */
export async function locationToAct(
  ctx: PrincipalContext,
  id: string,
  permission: Extract<Permission, 'locations.read' | 'locations.write'>,
  via: LocationVia,
  options: { lock?: boolean } = {},
): Promise<LocationRow> {
  const query = ctx.db.select().from(businessLocations).where(eq(businessLocations.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw new AppError('LOCATION_NOT_FOUND');
  if (via === 'member') {
    try {
      await authorize(ctx, permission, { profileId: row.profileId });
    } catch (error) {
      if (asAppError(error)?.code === 'PROFILE_NOT_FOUND') throw new AppError('LOCATION_NOT_FOUND');
      throw error;
    }
  }
  return row;
}
