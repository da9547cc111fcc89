import 'server-only';
import { type AnyColumn, and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { invitations, organizationMembers, organizationProfiles, roleLinks, users } from '@/db/schema';
import { AppError } from '@/server/core/errors';
import { containsText } from '@/server/core/query/search';
import { countColumn, type SortField, textSort, timeSort } from '@/server/core/query/sort';
import type { MemberSortField } from '../schemas';

type ProfileRoles = { profileId: string; roleCodes: string[] };

const organizationRoles = sql<string[]>`coalesce((select json_agg(rl.role_code order by rl.role_code)
  from ${roleLinks} rl where rl.user_id = ${users.id} and rl.entity_type = 'organization'
    and rl.entity_id = ${organizationMembers.organizationId}), '[]'::json)`;

const profileRoles = sql<ProfileRoles[]>`coalesce((select json_agg(json_build_object('profileId', x.entity_id,
    'roleCodes', x.codes) order by x.entity_id)
  from (select rl.entity_id, json_agg(rl.role_code order by rl.role_code) as codes
    from ${roleLinks} rl join ${organizationProfiles} p on p.id = rl.entity_id
    where rl.user_id = ${users.id} and rl.entity_type = 'organization_profile'
      and p.organization_id = ${organizationMembers.organizationId}
    group by rl.entity_id) x), '[]'::json)`;

const emailKey = sql<string>`lower(${users.email})`;

const invitationOfMember = and(
  eq(invitations.organizationId, organizationMembers.organizationId),
  eq(invitations.userId, organizationMembers.userId),
);

/** Until the person accepts, the organization sees the names its inviter typed, not the account's. */
const shownName = (typed: AnyColumn, own: AnyColumn) =>
  sql<string>`case when ${organizationMembers.status} = 'invited' and ${typed} is not null
    then ${typed} else ${own} end`;

const memberColumns = {
  userId: users.id,
  email: users.email,
  firstName: shownName(invitations.firstName, users.firstName),
  lastName: shownName(invitations.lastName, users.lastName),
  status: organizationMembers.status,
  invitedAt: organizationMembers.createdAt,
  joinedAt: organizationMembers.joinedAt,
  invitationExpiresAt: invitations.expiresAt,
  roles: organizationRoles,
  profileRoles,
  emailKey,
};

function membersOf(db: Db, where: (SQL | undefined)[]) {
  return db
    .select(memberColumns)
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .leftJoin(invitations, invitationOfMember)
    .where(and(...where))
    .orderBy(asc(emailKey), asc(users.id));
}

/**
 * The list page as one prepared statement (built once per database: drizzle's query building
 * costs more than the query). The first page starts after ('', the nil id), before every row.
 */
function buildPageQuery(db: Db) {
  return membersOf(db, [
    eq(organizationMembers.organizationId, sql.placeholder('organizationId')),
    sql`(${emailKey}, ${users.id}) > (${sql.placeholder('afterKey')}, ${sql.placeholder('afterId')}::uuid)`,
  ])
    .limit(sql.placeholder('limit'))
    .prepare('list_members');
}

const pageQueries = new WeakMap<Db, ReturnType<typeof buildPageQuery>>();
const NIL_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Members of one organization with their roles there, ordered by email; the organization is
 * always in the WHERE clause. `after` is the (lower(email), id) of the last row already sent.
 */
export async function selectMembers(
  db: Db,
  organizationId: string,
  options: { limit: number; userId?: string; after?: string[] },
) {
  if (options.userId) {
    return membersOf(db, [
      eq(organizationMembers.organizationId, organizationId),
      eq(organizationMembers.userId, options.userId),
    ]).limit(options.limit);
  }
  let query = pageQueries.get(db);
  if (!query) {
    query = buildPageQuery(db);
    pageQueries.set(db, query);
  }
  const [afterKey, afterId] = options.after ?? ['', NIL_ID];
  return query.execute({ organizationId, afterKey, afterId, limit: options.limit });
}

export type MemberRow = Awaited<ReturnType<typeof selectMembers>>[number];

const shownFullName = sql`${shownName(invitations.firstName, users.firstName)} || ' ' || ${shownName(invitations.lastName, users.lastName)}`;

/** The orders of the members list besides the default (email): each a column its table sorts. */
export const memberOrders = {
  email: textSort(users.email),
  name: textSort(shownFullName),
  status: textSort(organizationMembers.status),
  invitedAt: timeSort(organizationMembers.createdAt),
} satisfies Record<MemberSortField, SortField>;

/** The list's filters: a status, and a text the email or the shown name contains. */
export type MemberFilters = { status?: 'active' | 'invited'; search?: string };

/**
 * The filters as one condition. The organization is always in the query's WHERE clause, so the
 * contains-match runs over that organization's members only (the membership index first).
 */
export function memberFilter(filters: MemberFilters): SQL | undefined {
  return and(
    filters.status ? eq(organizationMembers.status, filters.status) : undefined,
    filters.search
      ? sql`(${containsText(users.email, filters.search)} or ${containsText(shownFullName, filters.search)})`
      : undefined,
  );
}

export const hasFilters = (filters: MemberFilters) => Boolean(filters.status || filters.search);

/** A page of one organization's members in any order (ad hoc: the prepared statement is email order only). */
export function selectMembersInOrder(
  db: Db,
  organizationId: string,
  order: { after: SQL | undefined; orderBy: [SQL, SQL]; key: SQL<string> },
  options: { limit: number; offset: number; filters?: MemberFilters },
) {
  return db
    .select({ ...memberColumns, sortKey: order.key })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .leftJoin(invitations, invitationOfMember)
    .where(
      and(
        eq(organizationMembers.organizationId, organizationId),
        memberFilter(options.filters ?? {}),
        order.after,
      ),
    )
    .orderBy(...order.orderBy)
    .limit(options.limit)
    .offset(options.offset);
}

/** How many members (invited and active) the organization has, or how many match the filters. */
export async function countMembers(db: Db, organizationId: string, filters: MemberFilters = {}) {
  const inOrganization = eq(organizationMembers.organizationId, organizationId);
  const [row] = hasFilters(filters)
    ? await db
        .select({ total: countColumn })
        .from(organizationMembers)
        .innerJoin(users, eq(users.id, organizationMembers.userId))
        .leftJoin(invitations, invitationOfMember)
        .where(and(inOrganization, memberFilter(filters)))
    : await db.select({ total: countColumn }).from(organizationMembers).where(inOrganization);
  return row?.total ?? 0;
}

/** The fields of a membership that leave the server. */
export const presentMember = (m: MemberRow) => ({
  _id: m.userId,
  email: m.email,
  firstName: m.firstName,
  lastName: m.lastName,
  status: m.status,
  roles: m.roles,
  profileRoles: m.profileRoles,
  invitedAt: m.invitedAt.toISOString(),
  joinedAt: m.joinedAt?.toISOString() ?? null,
  invitationExpiresAt: m.invitationExpiresAt?.toISOString() ?? null,
});

export async function loadMember(db: Db, organizationId: string, userId: string) {
  const [row] = await selectMembers(db, organizationId, { userId, limit: 1 });
  if (!row) throw new AppError('MEMBER_NOT_FOUND');
  return presentMember(row);
}
