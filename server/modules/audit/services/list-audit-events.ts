import 'server-only';
import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { apiKeys, auditEvents, organizations, users } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import type { UserContext } from '@/server/core/context';
import { DEFAULT_LIMIT } from '@/server/core/pagination';
import { sortedKeyset, textSort, timeSort } from '@/server/core/query/sort';
import type { adminAuditListInput } from '@/server/modules/admin/schemas';
import {
  AUDIT_EXACT_COUNT_LIMIT,
  type AuditSortField,
  type auditListInput,
} from '@/server/modules/members/schemas';

type AuditFilters = z.infer<typeof adminAuditListInput>;

const actorUser = alias(users, 'actor_user');
const subjectUser = alias(users, 'subject_user');

/** `at` to the microsecond in the cursor, as PostgreSQL stores it (see timeSort). */
const sortFields = {
  at: timeSort(auditEvents.at),
  action: textSort(auditEvents.action),
} satisfies Record<AuditSortField, unknown>;
const DEFAULT_SORT = { field: 'at', direction: 'desc' } as const;

/**
 * `member.` and `member.*` are prefixes; any other value is that action or its group: `admin`
 * matches `admin` and `admin.*` (not `administrator.x`), `member.invited` also `member.invited.*`.
 */
function actionFilter(action: string | undefined) {
  if (!action) return undefined;
  const prefix = action.endsWith('*') ? action.slice(0, -1) : action.endsWith('.') ? action : undefined;
  return prefix === undefined
    ? or(eq(auditEvents.action, action), sql`starts_with(${auditEvents.action}, ${`${action}.`})`)
    : sql`starts_with(${auditEvents.action}, ${prefix})`;
}

/** The WHERE of the filters (not the cursor): the page and its count share it. */
function whereOf(filters: AuditFilters) {
  const { userId } = filters;
  return and(
    filters.organizationId ? eq(auditEvents.organizationId, filters.organizationId) : undefined,
    actionFilter(filters.action),
    userId ? or(eq(auditEvents.actorUserId, userId), eq(auditEvents.subjectUserId, userId)) : undefined,
    filters.from ? sql`${auditEvents.at} >= ${filters.from}::timestamptz` : undefined,
    filters.to ? sql`${auditEvents.at} <= ${filters.to}::timestamptz` : undefined,
  );
}

/**
 * The one audit query, newest first unless `sort` says otherwise, keyset-paged on (key, id).
 * `from` and `to` are both inclusive. The organization's log and the admin console differ only in
 * the organization filter being mandatory and in the fields they present.
 */
async function queryAuditEvents(db: Db, filters: AuditFilters) {
  const order = sortedKeyset(sortFields, auditEvents.id, DEFAULT_SORT, filters);
  const limit = filters.limit ?? DEFAULT_LIMIT;
  const rows = await db
    .select({
      event: auditEvents,
      actorEmail: actorUser.email,
      subjectEmail: subjectUser.email,
      actorKey: { _id: apiKeys.id, name: apiKeys.name, clientId: apiKeys.clientId },
      organizationName: organizations.name,
      sortKey: order.key,
    })
    .from(auditEvents)
    .leftJoin(organizations, eq(organizations.id, auditEvents.organizationId))
    .leftJoin(actorUser, eq(actorUser.id, auditEvents.actorUserId))
    .leftJoin(subjectUser, eq(subjectUser.id, auditEvents.subjectUserId))
    .leftJoin(apiKeys, eq(apiKeys.id, auditEvents.actorKeyId))
    .where(and(whereOf(filters), order.after))
    .orderBy(...order.orderBy)
    .limit(limit + 1)
    .offset(filters.offset ?? 0);
  return { rows, limit, order };
}

const rowsOf = <Row>(result: unknown) =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Row[];

/**
 * How many events the filters match. The log only grows, so an exact count could come to scan
 * millions of rows on every page: it counts exactly up to AUDIT_EXACT_COUNT_LIMIT (a bounded
 * scan), and beyond that answers the planner's estimate for the same WHERE (EXPLAIN, no scan),
 * flagged as an estimate, never below the limit.
 */
async function countAuditEvents(db: Db, filters: AuditFilters) {
  const where: SQL = whereOf(filters) ?? sql`true`;
  const bounded = rowsOf<{ n: number | string }>(
    await db.execute(
      sql`select count(*) as n from (select 1 from ${auditEvents} where ${where} limit ${AUDIT_EXACT_COUNT_LIMIT + 1}) matched`,
    ),
  );
  const exact = Number(bounded[0]?.n ?? 0);
  if (exact <= AUDIT_EXACT_COUNT_LIMIT) return { total: exact, totalIsEstimate: false };
  const plan = rowsOf<Record<string, unknown>>(
    await db.execute(sql`explain (format json) select 1 from ${auditEvents} where ${where}`),
  );
  const raw = plan[0] ? Object.values(plan[0])[0] : undefined;
  const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan: { 'Plan Rows': number } }];
  const estimate = Math.round(parsed?.[0]?.Plan?.['Plan Rows'] ?? 0);
  return { total: Math.max(estimate, exact), totalIsEstimate: true };
}

type AuditRow = Awaited<ReturnType<typeof queryAuditEvents>>['rows'][number];

const person = (id: string | null, email: string | null) =>
  id && email !== null ? { _id: id, email } : null;

/** Tenants see that Provena's staff acted, never who: staff identities stay inside the platform. */
const PROVENA_STAFF = { staff: true as const, name: 'Provena staff' };

/** The fields of an event that an organization's administrators and the admin console share. */
const presentEvent = ({ event, actorEmail, subjectEmail, actorKey }: AuditRow) => ({
  _id: event.id,
  at: event.at.toISOString(),
  action: event.action,
  actor: person(event.actorUserId, actorEmail),
  subject: person(event.subjectUserId, subjectEmail),
  organizationId: event.organizationId,
  actorKey,
  targetType: event.targetType,
  targetId: event.targetId,
  data: event.data,
});

const idOf = (row: AuditRow) => row.event.id;

/** #48: one organization's events only, for those holding audit.read there. */
export async function listOrganizationAuditEvents(ctx: UserContext, input: z.infer<typeof auditListInput>) {
  await authorize(ctx, 'audit.read', { organizationId: input.organizationId });
  const [{ rows, limit, order }, count] = await Promise.all([
    queryAuditEvents(ctx.db, input),
    countAuditEvents(ctx.db, input),
  ]);
  return {
    ...order.page(rows, limit, idOf, (row) => ({
      ...presentEvent(row),
      actor: row.event.actorStaff ? PROVENA_STAFF : person(row.event.actorUserId, row.actorEmail),
    })),
    ...count,
  };
}

/** The admin console's log (the router checked admin.read): every organization, plus ip and request id. */
export async function listAuditEvents(ctx: UserContext, input: AuditFilters) {
  const [{ rows, limit, order }, count] = await Promise.all([
    queryAuditEvents(ctx.db, input),
    countAuditEvents(ctx.db, input),
  ]);
  return {
    ...order.page(rows, limit, idOf, (row) => ({
      ...presentEvent(row),
      organizationName: row.organizationName,
      ip: row.event.ip,
      requestId: row.event.requestId,
    })),
    ...count,
  };
}
