'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Building2, UserRound } from 'lucide-react';
import Link from 'next/link';
import { eventTypeLabel } from '@/components/audit/audit-filter-form';
import { describeDetails, describeTarget } from '@/components/audit/describe-event';
import { adminAuditSortFields } from '@/server/modules/admin/schemas';
import { auditWords } from '@/server/modules/catalog';
import { Time, useFormatDate } from '../../time';
import { useTRPC } from '../../trpc/client';
import { Card } from '../../ui/card';
import {
  createDataTableColumns,
  DataTable,
  type DataTableFilterChip,
  pagedTableProps,
  useTableUrlState,
} from '../../ui/data-table';
import { pageWindow, serverSort } from '../list';
import type { AuditEvent, AuditFilters } from '../types';
import { AuditFiltersForm } from './audit-filters';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const filterKeys = ['userId', 'organizationId', 'action', 'from', 'to'] as const;
type FilterKey = (typeof filterKeys)[number];
const validInstant = (value: string | undefined) =>
  value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined;

type Person = AuditEvent['actor'];

const userLink = (user: NonNullable<Person>) => (
  <Link
    href={`/admin/users/${user._id}`}
    className="focus-ring rounded-sm break-all text-link hover:underline"
  >
    {user.email}
  </Link>
);

/** The person who acted, linked to their page; the platform itself (an API client, a job) otherwise. */
function Actor({ actor }: { actor: Person }) {
  return actor ? userLink(actor) : <span className="text-muted-foreground">The platform</span>;
}

/** Whom or what it was done to, in the Activity page's words, and the change itself. */
function Target({ event }: { event: AuditEvent }) {
  const other = event.subject && event.subject._id !== event.actor?._id ? event.subject : null;
  const target = other ? null : describeTarget(event, noProfileNames);
  const details = describeDetails(event, noProfileNames);
  return (
    <span className="break-words">
      {other ? userLink(other) : target || '—'}
      {details ? <span className="block text-caption text-muted-foreground">{details}</span> : null}
    </span>
  );
}
/** The staff log names profiles by what the event kept (its data's name). */
const noProfileNames = () => undefined;

/** The record's codes, for the staff who trace a request: opened in place, no dialog. */
function EventDetails({ event }: { event: AuditEvent }) {
  const label = auditWords(event.action)?.label ?? event.action;
  return (
    <details className="group text-caption">
      <summary className="focus-ring w-fit cursor-pointer rounded-sm text-link hover:underline">
        Details<span className="sr-only"> of {label}</span>
      </summary>
      <dl className="mt-2 grid grid-cols-[6rem_minmax(0,1fr)] gap-x-3 gap-y-1">
        <Detail label="Action code" value={event.action} />
        <Detail label="Target" value={[event.targetType, event.targetId].filter(Boolean).join(' ') || '—'} />
        <Detail label="IP" value={event.ip ?? '—'} />
        <Detail label="Request id" value={event.requestId ?? '—'} />
        <Detail label="Event id" value={event._id} />
      </dl>
      {Object.keys(event.data).length > 0 ? (
        <pre className="mt-2 max-w-md rounded border border-border bg-muted p-2 break-all whitespace-pre-wrap">
          {JSON.stringify(event.data, null, 2)}
        </pre>
      ) : null}
    </details>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-mono break-all">{value}</dd>
    </>
  );
}

const col = createDataTableColumns<AuditEvent>();
const columns = col.columns([
  col.accessor('at', {
    header: 'When',
    enableSorting: true,
    cell: (info) => <Time iso={info.getValue()} relative />,
    meta: { className: 'whitespace-nowrap text-muted-foreground' },
  }),
  col.display({ id: 'who', header: 'Who', cell: (info) => <Actor actor={info.row.original.actor} /> }),
  col.accessor('action', {
    header: 'What',
    enableSorting: true,
    // the module's words for it (server/modules/<area>/audit.ts); the code is in Details
    cell: (info) => auditWords(info.getValue())?.label ?? info.getValue(),
    meta: { primary: true, label: 'What' },
  }),
  col.display({ id: 'whom', header: 'Whom or what', cell: (info) => <Target event={info.row.original} /> }),
  col.accessor('organizationName', {
    header: 'Organization',
    cell: (info) =>
      info.row.original.organizationId ? (
        <Link
          href={`/admin/organizations/${info.row.original.organizationId}`}
          className="focus-ring rounded-sm text-link hover:underline"
        >
          {info.getValue() ?? info.row.original.organizationId}
        </Link>
      ) : (
        <span className="text-muted-foreground">—</span>
      ),
  }),
  col.display({
    id: 'details',
    header: () => <span className="sr-only">Details</span>,
    cell: (info) => <EventDetails event={info.row.original} />,
    meta: { label: 'Details' },
  }),
]);

/** The active filters as chips, named from the page's rows where they can be (an email, an organization). */
function filterChips(
  filters: AuditFilters,
  items: AuditEvent[] | undefined,
  formatDate: (iso: string) => string,
): DataTableFilterChip[] {
  const list: DataTableFilterChip[] = [];
  const { userId, organizationId, action, from, to } = filters;
  if (userId) {
    const person = items
      ?.flatMap((event) => [event.actor, event.subject])
      .find((p) => p && '_id' in p && p._id === userId);
    list.push({ id: 'userId', label: 'User', value: person?.email ?? `${userId.slice(0, 8)}…` });
  }
  if (organizationId) {
    const name = items?.find((event) => event.organizationId === organizationId)?.organizationName;
    list.push({
      id: 'organizationId',
      label: 'Organization',
      value: name ?? `${organizationId.slice(0, 8)}…`,
    });
  }
  if (action) list.push({ id: 'action', label: 'Event type', value: eventTypeLabel(action, 'platform') });
  if (from) list.push({ id: 'from', label: 'From', value: formatDate(from) });
  if (to) list.push({ id: 'to', label: 'To', value: formatDate(to) });
  return list;
}

/**
 * The platform's audit log, newest first: filters (user, organization, action, dates), sort and
 * page in the URL, so the user and organization pages link here already filtered.
 */
export function AuditLog({ organizationId: fixedOrganization }: { organizationId?: string } = {}) {
  const trpc = useTRPC();
  const url = useTableUrlState<FilterKey>({ filters: filterKeys, sortable: adminAuditSortFields });
  const filters: AuditFilters = {
    userId: url.filters.userId && UUID.test(url.filters.userId) ? url.filters.userId : undefined,
    organizationId:
      fixedOrganization ??
      (url.filters.organizationId && UUID.test(url.filters.organizationId)
        ? url.filters.organizationId
        : undefined),
    action: url.filters.action?.slice(0, 100) || undefined,
    from: validInstant(url.filters.from),
    to: validInstant(url.filters.to),
  };
  const query = useQuery({
    ...trpc.admin.audit.list.queryOptions({
      ...filters,
      sort: serverSort(url.sort),
      ...pageWindow(url.page, url.pageSize),
    }),
    placeholderData: keepPreviousData,
  });
  const items = query.data?.items;
  const formatDate = useFormatDate();

  // an organization's own log (its Activity tab) is always that organization's: no chip, no picker
  const chips = filterChips(
    fixedOrganization ? { ...filters, organizationId: undefined } : filters,
    items,
    formatDate,
  );

  return (
    <div className="space-y-6">
      <Card title="Filters">
        <AuditFiltersForm
          key={JSON.stringify(filters)}
          initial={filters}
          withOrganization={!fixedOrganization}
          onApply={(next) =>
            url.setFilters(Object.fromEntries(filterKeys.map((key) => [key, next[key] ?? null])))
          }
        />
      </Card>
      <DataTable
        {...pagedTableProps(url, query)}
        caption="Audit events"
        noun="events"
        columns={columns}
        rows={items}
        getRowId={(row) => row._id}
        getRowLabel={(row) => `${auditWords(row.action)?.label ?? row.action}, ${formatDate(row.at)}`}
        rowActions={(row) => [
          ...(row.actor && '_id' in row.actor
            ? [
                {
                  label: 'Only this person’s events',
                  icon: <UserRound aria-hidden="true" />,
                  onSelect: () => url.setFilter('userId', (row.actor as { _id: string })._id),
                },
              ]
            : []),
          ...(row.organizationId && !fixedOrganization
            ? [
                {
                  label: 'Only this organization’s events',
                  icon: <Building2 aria-hidden="true" />,
                  onSelect: () => url.setFilter('organizationId', row.organizationId),
                },
              ]
            : []),
        ]}
        filters={chips}
        onRemoveFilter={(id) => url.setFilter(id as FilterKey, null)}
        onClearFilters={url.clearFilters}
        empty={{
          title: 'No events yet',
          description: 'Every sign-in, change and refusal is recorded here as it happens.',
        }}
      />
    </div>
  );
}
