import 'server-only';
import { and, desc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { auditEvents, organizations, users } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import type { UserContext } from '@/server/core/context';
import { DEFAULT_LIMIT, decodeCursor, TIMESTAMP_KEY, toPage, UUID_KEY } from '@/server/core/pagination';
import type { adminAuditListInput } from '@/server/modules/admin/schemas';
import type { auditListInput } from '@/server/modules/members/schemas';

type AuditFilters = z.infer<typeof adminAuditListInput>;

const actorUser = alias(users, 'actor_user');
const subjectUser = alias(users, 'subject_user');

/**
 * The cursor keeps `at` to the microsecond, as PostgreSQL stores it: a millisecond Date would
 * skip or repeat events that share a millisecond across a page boundary.
 */
const atKey = sql<string>`to_char(${auditEvents.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** `member.` and `member.*` are prefixes; anything else is matched exactly. */
function actionFilter(action: string | undefined) {
  if (!action) return undefined;
  const prefix = action.endsWith('*') ? action.slice(0, -1) : action.endsWith('.') ? action : undefined;
  return prefix === undefined
    ? eq(auditEvents.action, action)
    : sql`starts_with(${auditEvents.action}, ${prefix})`;
}

/**
 * The one audit query, newest first, keyset-paged on (at, id). `from` and `to` are both inclusive.
 * The organization's log and the admin console differ only in the organization filter being
 * mandatory and in the fields they present.
 */
async function queryAuditEvents(db: Db, filters: AuditFilters) {
  const after = decodeCursor(filters.cursor, [TIMESTAMP_KEY, UUID_KEY]);
  const limit = filters.limit ?? DEFAULT_LIMIT;
  const { userId } = filters;
  const rows = await db
    .select({
      event: auditEvents,
      actorEmail: actorUser.email,
      subjectEmail: subjectUser.email,
      organizationName: organizations.name,
      atKey,
    })
    .from(auditEvents)
    .leftJoin(organizations, eq(organizations.id, auditEvents.organizationId))
    .leftJoin(actorUser, eq(actorUser.id, auditEvents.actorUserId))
    .leftJoin(subjectUser, eq(subjectUser.id, auditEvents.subjectUserId))
    .where(
      and(
        filters.organizationId ? eq(auditEvents.organizationId, filters.organizationId) : undefined,
        actionFilter(filters.action),
        userId ? or(eq(auditEvents.actorUserId, userId), eq(auditEvents.subjectUserId, userId)) : undefined,
        filters.from ? sql`${auditEvents.at} >= ${filters.from}::timestamptz` : undefined,
        filters.to ? sql`${auditEvents.at} <= ${filters.to}::timestamptz` : undefined,
        after
          ? sql`(${auditEvents.at}, ${auditEvents.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit + 1);
  return { rows, limit };
}

type AuditRow = Awaited<ReturnType<typeof queryAuditEvents>>['rows'][number];

const person = (id: string | null, email: string | null) =>
  id && email !== null ? { _id: id, email } : null;

/** Tenants see that Provena's staff acted, never who: staff identities stay inside the platform. */
const PROVENA_STAFF = { staff: true as const, name: 'Provena staff' };

/** The fields of an event that an organization's administrators and the admin console share. */
const presentEvent = ({ event, actorEmail, subjectEmail }: AuditRow) => ({
  _id: event.id,
  at: event.at.toISOString(),
  action: event.action,
  actor: person(event.actorUserId, actorEmail),
  subject: person(event.subjectUserId, subjectEmail),
  organizationId: event.organizationId,
  targetType: event.targetType,
  targetId: event.targetId,
  data: event.data,
});

const keyOf = (row: AuditRow) => [row.atKey, row.event.id];

/** #48: one organization's events only, for those holding audit.read there. */
export async function listOrganizationAuditEvents(ctx: UserContext, input: z.infer<typeof auditListInput>) {
  await authorize(ctx, 'audit.read', { organizationId: input.organizationId });
  const { rows, limit } = await queryAuditEvents(ctx.db, input);
  return toPage(rows, limit, keyOf, (row) => ({
    ...presentEvent(row),
    actor: row.event.actorStaff ? PROVENA_STAFF : person(row.event.actorUserId, row.actorEmail),
  }));
}

/** The admin console's log (the router checked admin.read): every organization, plus ip and request id. */
export async function listAuditEvents(ctx: UserContext, input: AuditFilters) {
  const { rows, limit } = await queryAuditEvents(ctx.db, input);
  return toPage(rows, limit, keyOf, (row) => ({
    ...presentEvent(row),
    organizationName: row.organizationName,
    ip: row.event.ip,
    requestId: row.event.requestId,
  }));
}
