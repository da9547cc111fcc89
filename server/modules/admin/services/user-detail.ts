import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { organizationMembers, organizations, roleLinks, tfaMethods, users } from '@/db/schema';
import { AppError } from '@/server/core/errors';
import { presentTfaMethod, presentUser } from '@/server/modules/auth/services/presenters';

/**
 * A user's role links as the admin console shows them, each with the name of its organization or
 * profile (null for platform roles), in a stable order. Shared by #27/#28 and #30.
 */
export async function presentRoleLinks(db: Db, userId: string) {
  const rows = await db
    .select({
      _id: roleLinks.id,
      roleCode: roleLinks.roleCode,
      entityType: roleLinks.entityType,
      entityId: roleLinks.entityId,
      // qualified by hand: Drizzle leaves a one-table select's columns unqualified
      entityName: sql<string | null>`case role_links.entity_type
        when 'organization' then (select o.name from organizations o where o.id = role_links.entity_id)
        when 'organization_profile' then
          (select p.name from organization_profiles p where p.id = role_links.entity_id)
        end`,
      createdAt: roleLinks.createdAt,
    })
    .from(roleLinks)
    .where(eq(roleLinks.userId, userId))
    .orderBy(asc(roleLinks.entityType), asc(roleLinks.entityId), asc(roleLinks.roleCode));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** #30 (and the answer of #25): the user with role links, TFA methods (no secrets) and memberships. */
export async function loadUserDetail(db: Db, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('USER_NOT_FOUND');
  const methods = await db
    .select()
    .from(tfaMethods)
    .where(eq(tfaMethods.userId, userId))
    .orderBy(asc(tfaMethods.createdAt), asc(tfaMethods.id));
  const memberships = await db
    .select({
      organizationId: organizationMembers.organizationId,
      name: organizations.name,
      status: organizationMembers.status,
    })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(eq(organizationMembers.userId, userId))
    .orderBy(asc(sql`lower(${organizations.name})`), asc(organizations.id));
  return {
    ...presentUser(user),
    roleLinks: await presentRoleLinks(db, userId),
    tfaMethods: methods.map(presentTfaMethod),
    memberships,
  };
}
