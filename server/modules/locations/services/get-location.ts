import 'server-only';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { organizationProfiles, organizations } from '@/db/schema';
import type { PrincipalContext } from '@/server/core/context';
import type { AdminLocationOutput, locationIdInput } from '../schemas';
import { type LocationRow, type LocationVia, locationToAct } from './location-access';
import { presentLocation } from './present-location';

/** #23 (and #41 for an admin): a location the caller may read; another tenant's is 404. */
export const getLocation = (
  ctx: PrincipalContext,
  input: z.infer<typeof locationIdInput>,
  via: LocationVia = 'member',
) => locationToAct(ctx, input._id, 'locations.read', via);

/** A location for the admin console: with its organization's and profile's name. */
export async function presentAdminLocation(db: Db, row: LocationRow): Promise<AdminLocationOutput> {
  const [names] = await db
    .select({ organizationName: organizations.name, profileName: organizationProfiles.name })
    .from(organizationProfiles)
    .innerJoin(organizations, eq(organizations.id, organizationProfiles.organizationId))
    .where(eq(organizationProfiles.id, row.profileId));
  return {
    ...presentLocation(row),
    organizationName: names?.organizationName ?? '',
    profileName: names?.profileName ?? '',
  };
}
