import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { organizationMembers, organizationProfiles, organizations, roleLinks, users } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import type { adminOrganizationGetInput } from '@/server/modules/admin/schemas';
import { presentProfile } from '@/server/modules/profiles/services/present-profile';
import { presentOrganization } from './present-organization';

/** The admin console's view of one organization: its profiles and its members with their organization roles. */
export async function getOrganization(ctx: UserContext, input: z.infer<typeof adminOrganizationGetInput>) {
  const { db } = ctx;
  const [organization] = await db.select().from(organizations).where(eq(organizations.id, input._id));
  if (!organization) throw new AppError('ORGANIZATION_NOT_FOUND');
  const profiles = await db
    .select()
    .from(organizationProfiles)
    .where(eq(organizationProfiles.organizationId, organization.id))
    .orderBy(asc(sql`lower(${organizationProfiles.name})`), asc(organizationProfiles.id));
  const members = await db
    .select({
      _id: users.id,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      status: organizationMembers.status,
      roles: sql<string[]>`coalesce((select json_agg(${roleLinks.roleCode} order by ${roleLinks.roleCode})
        from ${roleLinks} where ${roleLinks.userId} = ${users.id} and ${roleLinks.entityType} = 'organization'
          and ${roleLinks.entityId} = ${organizationMembers.organizationId}), '[]'::json)`,
    })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizationMembers.organizationId, organization.id))
    .orderBy(asc(sql`lower(${users.email})`), asc(users.id));
  return { ...presentOrganization(organization), profiles: profiles.map(presentProfile), members };
}
