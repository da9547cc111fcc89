import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  organizationMembers,
  organizationProfiles,
  organizations,
  type ParticipantTagEntry,
  roleLinks,
} from '@/db/schema';
import { platformPermissions } from '@/server/core/access/authorize';
import { type Permission, permissionsOf } from '@/server/core/access/catalog';
import type { UserPrincipal } from '@/server/core/context';

type ProfileRow = { _id: string; name: string; participantTags: ParticipantTagEntry[]; roles: string[] };

const sorted = (set: Iterable<Permission>) => [...set].sort();

function buildMembershipsQuery(db: Db) {
  const userId = sql.placeholder('userId');
  const profileRoles = sql`coalesce((select json_agg(rl.role_code) from ${roleLinks} rl
      where rl.user_id = ${userId} and rl.entity_type = 'organization_profile' and rl.entity_id = p.id), '[]'::json)`;
  return db
    .select({
      _id: organizations.id,
      name: organizations.name,
      status: organizations.status,
      roles: sql<string[]>`coalesce((select json_agg(${roleLinks.roleCode}) from ${roleLinks}
        where ${roleLinks.userId} = ${userId} and ${roleLinks.entityType} = 'organization'
          and ${roleLinks.entityId} = ${organizations.id}), '[]'::json)`,
      profiles: sql<ProfileRow[]>`coalesce((select json_agg(json_build_object('_id', p.id, 'name', p.name,
          'participantTags', p.participant_tags, 'roles', ${profileRoles}) order by lower(p.name), p.id)
        from ${organizationProfiles} p where p.organization_id = ${organizations.id} and p.status = 'active'), '[]'::json)`,
    })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(
      and(
        eq(organizationMembers.userId, userId),
        eq(organizationMembers.status, 'active'),
        eq(organizations.status, 'active'),
      ),
    )
    .orderBy(asc(sql`lower(${organizations.name})`), asc(organizations.id))
    .prepare('load_memberships');
}

/** `me` runs this on every call: built and prepared once per database, like the session query. */
const membershipQueries = new WeakMap<Db, ReturnType<typeof buildMembershipsQuery>>();

/**
 * The organizations a user is an active member of (archived ones grant nothing, so they are left
 * out), each with the user's roles and the profiles they may read. One query for all of it.
 */
export async function loadMemberships(db: Db, principal: Pick<UserPrincipal, 'userId' | 'platformRoles'>) {
  let query = membershipQueries.get(db);
  if (!query) {
    query = buildMembershipsQuery(db);
    membershipQueries.set(db, query);
  }
  const rows = await query.execute({ userId: principal.userId });

  const platform = platformPermissions(principal.platformRoles);
  return rows.map((row) => {
    const orgPermissions = new Set([...platform, ...permissionsOf(row.roles)]);
    const profiles = row.profiles.flatMap((p) => {
      const held = new Set([...orgPermissions, ...permissionsOf(p.roles)]);
      if (!held.has('profiles.read')) return [];
      return [{ ...p, permissions: sorted(held) }];
    });
    return { ...row, permissions: sorted(orgPermissions), profiles };
  });
}

export type Membership = Awaited<ReturnType<typeof loadMemberships>>[number];
