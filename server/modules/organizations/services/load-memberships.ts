import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  organizationMembers,
  organizationProfiles,
  organizations,
  profileFlags,
  roleLinks,
} from '@/db/schema';
import { platformPermissions } from '@/server/core/access/authorize';
import { type Permission, permissionsOf } from '@/server/core/access/catalog';
import type { MembershipRow, UserPrincipal } from '@/server/core/context';
import { knownFlags } from '@/server/modules/flags/catalog';

const sorted = (set: Iterable<Permission>) => [...set].sort();

/**
 * The user's active memberships in active organizations as one JSON array, for a user id given
 * as SQL: the memberships query, and a column of the session query for the procedures that
 * declare they need it (`me`, `organizations.list`), so those answer in one round trip. Each
 * profile carries its flags (`{"GHGP": true}`) from the flags' primary key in the same statement.
 */
export function membershipsJson(userId: SQL) {
  const profileRoles = sql`coalesce((select json_agg(rl.role_code) from ${roleLinks} rl
      where rl.user_id = ${userId} and rl.entity_type = 'organization_profile' and rl.entity_id = p.id), '[]'::json)`;
  const organizationRoles = sql`coalesce((select json_agg(rl.role_code) from ${roleLinks} rl
      where rl.user_id = ${userId} and rl.entity_type = 'organization' and rl.entity_id = o.id), '[]'::json)`;
  const flags = sql`coalesce((select json_object_agg(f.flag, f.value) from ${profileFlags} f
      where f.profile_id = p.id), '{}'::json)`;
  const profiles = sql`coalesce((select json_agg(json_build_object('_id', p.id, 'name', p.name,
      'participantTags', p.participant_tags, 'roles', ${profileRoles}, 'flags', ${flags}) order by lower(p.name), p.id)
    from ${organizationProfiles} p where p.organization_id = o.id and p.status = 'active'), '[]'::json)`;
  return sql<MembershipRow[]>`coalesce((select json_agg(json_build_object('_id', o.id, 'name', o.name,
      'status', o.status, 'roles', ${organizationRoles}, 'profiles', ${profiles}) order by lower(o.name), o.id)
    from ${organizationMembers} m join ${organizations} o on o.id = m.organization_id
    where m.user_id = ${userId} and m.status = 'active' and o.status = 'active'), '[]'::json)`;
}

function buildMembershipsQuery(db: Db) {
  return db
    .select({ memberships: membershipsJson(sql`${sql.placeholder('userId')}::uuid`) })
    .from(sql`(select 1) as one`)
    .prepare('load_memberships');
}

/** Built and prepared once per database, like the session query. */
const membershipQueries = new WeakMap<Db, ReturnType<typeof buildMembershipsQuery>>();

/**
 * The organizations a user is an active member of (archived ones grant nothing, so they are left
 * out), each with the user's roles and the profiles they may read. The session query has loaded
 * them already when the procedure declared `preload: 'memberships'`; else one query.
 */
export async function loadMemberships(
  db: Db,
  principal: Pick<UserPrincipal, 'userId' | 'platformRoles' | 'memberships'>,
) {
  let rows = principal.memberships;
  if (!rows) {
    let query = membershipQueries.get(db);
    if (!query) {
      query = buildMembershipsQuery(db);
      membershipQueries.set(db, query);
    }
    const [row] = await query.execute({ userId: principal.userId });
    rows = row!.memberships;
  }
  const platform = platformPermissions(principal.platformRoles);
  return rows.map((row) => {
    const orgPermissions = new Set([...platform, ...permissionsOf(row.roles)]);
    const profiles = row.profiles.flatMap((p) => {
      const held = new Set([...orgPermissions, ...permissionsOf(p.roles)]);
      if (!held.has('profiles.read')) return [];
      // flags are shown to those who may read them (a plain member sees the profile, not its flags)
      const flags = held.has('flags.read') ? knownFlags(p.flags) : {};
      return [{ ...p, flags, permissions: sorted(held) }];
    });
    return { ...row, permissions: sorted(orgPermissions), profiles };
  });
}

export type Membership = Awaited<ReturnType<typeof loadMemberships>>[number];
