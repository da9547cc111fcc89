import 'server-only';
import { and, eq, exists, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { roleLinks, sessions, tfaMethods, users } from '@/db/schema';
import { MINUTE } from '@/server/core/clock';
import type { UserPrincipal } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { UUID } from '@/server/core/ids';
import type { Runtime } from '@/server/core/runtime';
import { membershipsJson } from '@/server/modules/organizations/services/load-memberships';
import { verifyAccessToken } from '../tokens';

function buildPrincipalQuery(db: Db, withMemberships: boolean) {
  const activeTfa = db
    .select({ id: tfaMethods.id })
    .from(tfaMethods)
    .where(and(eq(tfaMethods.userId, users.id), eq(tfaMethods.status, 'active')));
  return db
    .select({
      userId: users.id,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      userCreatedAt: users.createdAt,
      userUpdatedAt: users.updatedAt,
      lastLoginAt: users.lastLoginAt,
      tfaEnabled: exists(activeTfa),
      restricted: sessions.restricted,
      channel: sessions.channel,
      authenticatedAt: sessions.authenticatedAt,
      lastSeenAt: sessions.lastSeenAt,
      platformRoles: sql<string[]>`coalesce((select json_agg(${roleLinks.roleCode}) from ${roleLinks}
        where ${roleLinks.userId} = ${users.id} and ${roleLinks.entityType} = 'platform'), '[]'::json)`,
      ...(withMemberships ? { memberships: membershipsJson(sql`${users.id}`) } : {}),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('sessionId')),
        isNull(sessions.revokedAt),
        sql`${sessions.expiresAt} > ${sql.placeholder('now')}::timestamptz`,
        eq(users.status, 'active'),
      ),
    )
    .prepare(withMemberships ? 'load_session_principal_memberships' : 'load_session_principal');
}

/** Every request runs this query: it is built and prepared once per database, not per request. */
const principalQueries = new WeakMap<
  Db,
  Record<'plain' | 'memberships', ReturnType<typeof buildPrincipalQuery>>
>();

export type SessionLoad = { memberships?: boolean };

/**
 * Loads the live session, its user and platform roles in one round trip. Revoked, expired or
 * disabled means null: revocation takes effect on the very next request.
 */
export async function loadSessionPrincipal(
  rt: Runtime,
  sessionId: string,
  load: SessionLoad = {},
): Promise<UserPrincipal | null> {
  if (!UUID.test(sessionId)) return null;
  const now = rt.clock.now();
  let queries = principalQueries.get(rt.db);
  if (!queries) {
    queries = { plain: buildPrincipalQuery(rt.db, false), memberships: buildPrincipalQuery(rt.db, true) };
    principalQueries.set(rt.db, queries);
  }
  const query = load.memberships ? queries.memberships : queries.plain;
  const [row] = await query.execute({ sessionId, now: now.toISOString() });
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > MINUTE) {
    // At most one write a minute per session keeps "last seen" useful without a write per request.
    await rt.db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, sessionId), lt(sessions.lastSeenAt, new Date(now.getTime() - MINUTE))));
  }
  const { lastSeenAt: _, tfaEnabled, restricted, channel, authenticatedAt, ...user } = row;
  return Object.freeze({
    kind: 'user' as const,
    ...user,
    tfaEnabled: Boolean(tfaEnabled),
    session: Object.freeze({ id: sessionId, restricted, channel, authenticatedAt }),
  });
}

/** Bearer access token to principal; any failure is the same 401 so tokens cannot be probed. */
export async function authenticateAccessToken(
  rt: Runtime,
  token: string,
  load: SessionLoad = {},
): Promise<UserPrincipal> {
  const claims = await verifyAccessToken(rt.keys, token, rt.clock.now());
  const principal = await loadSessionPrincipal(rt, claims.sid, load);
  if (!principal) throw new AppError('INVALID_TOKEN');
  return principal;
}

export { UUID } from '@/server/core/ids';
