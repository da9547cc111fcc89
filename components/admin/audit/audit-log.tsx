'use client';

import Link from 'next/link';
import { useState } from 'react';
import { auditWords } from '@/server/modules/catalog';
import { useTRPC, useTRPCClient } from '../../trpc/client';
import { usePages } from '../../trpc/use-pages';
import { Card } from '../../ui/card';
import { cell, ListState, LoadMore, Table } from '../table';
import { Time } from '../time';
import type { AuditEvent, AuditFilters } from '../types';
import { AuditFiltersForm } from './audit-filters';

const PAGE = 50;

/** The platform's audit log, newest first, filtered on demand; "Load more" walks back in time. */
export function AuditLog({ initialFilters }: { initialFilters: AuditFilters }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [filters, setFilters] = useState(initialFilters);
  const input = { ...filters, limit: PAGE };
  const { query: events, items } = usePages(trpc.admin.audit.list.infiniteQueryKey(input), (cursor) =>
    client.admin.audit.list.query({ ...input, cursor }),
  );

  return (
    <div className="space-y-6">
      <Card title="Filters">
        <AuditFiltersForm initial={initialFilters} onApply={setFilters} />
      </Card>
      <Card title="Events">
        <ListState pending={events.isPending} error={events.error} empty={items.length === 0} what="events" />
        {items.length > 0 ? (
          <Table
            caption="Audit events"
            headers={[
              'When',
              'Action',
              'People',
              'Organization',
              <span key="d" className="sr-only">
                Details
              </span>,
            ]}
          >
            {items.map((event) => (
              <EventRow key={event._id} event={event} />
            ))}
          </Table>
        ) : null}
        <LoadMore
          hasMore={events.hasNextPage}
          pending={events.isFetchingNextPage}
          onClick={() => events.fetchNextPage()}
        />
      </Card>
    </div>
  );
}

type Person = AuditEvent['actor'];

const userLink = (user: NonNullable<Person>) => (
  <Link href={`/admin/users/${user._id}`} className="text-link hover:underline">
    {user.email}
  </Link>
);

/** Who acted and on whom; one line when someone acted on their own account. */
function People({ actor, subject }: { actor: Person; subject: Person }) {
  const other = subject && subject._id !== actor?._id ? subject : null;
  if (!actor && !other) return <span className="text-muted-foreground">—</span>;
  return (
    <>
      {actor ? (
        <p>
          <span className="text-muted-foreground">by </span>
          {userLink(actor)}
        </p>
      ) : null}
      {other ? (
        <p>
          <span className="text-muted-foreground">{actor ? 'to ' : 'about '}</span>
          {userLink(other)}
        </p>
      ) : null}
    </>
  );
}

function EventRow({ event }: { event: AuditEvent }) {
  const [open, setOpen] = useState(false);
  const detailsId = `event-${event._id}`;
  // The module's words for it (server/modules/<area>/audit.ts); the code stays beside, for filtering.
  const label = auditWords(event.action)?.label;
  return (
    <>
      <tr>
        <td className={`${cell} whitespace-nowrap text-muted-foreground`}>
          <Time iso={event.at} />
        </td>
        <td className={cell}>
          {label ? <p>{label}</p> : null}
          <p className="font-mono text-xs whitespace-nowrap text-slate-600">{event.action}</p>
        </td>
        <td className={cell}>
          <People actor={event.actor} subject={event.subject} />
        </td>
        <td className={cell}>
          {event.organizationId ? (
            <Link href={`/admin/organizations/${event.organizationId}`} className="text-link hover:underline">
              {event.organizationName ?? event.organizationId}
            </Link>
          ) : (
            <span className="text-muted-foreground">—</span>
          )}
        </td>
        <td className={`${cell} text-right`}>
          <button
            type="button"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen(!open)}
            className="rounded text-sm text-link hover:underline"
          >
            {open ? 'Hide' : 'Details'}
            <span className="sr-only"> of {label ?? event.action}</span>
          </button>
        </td>
      </tr>
      {open ? (
        <tr id={detailsId} className="bg-muted">
          <td colSpan={5} className="px-5 py-3 text-xs text-foreground">
            <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1">
              <Detail
                label="Target"
                value={[event.targetType, event.targetId].filter(Boolean).join(' ') || '—'}
              />
              <Detail label="IP" value={event.ip ?? '—'} />
              <Detail label="Request id" value={event.requestId ?? '—'} />
              <Detail label="Event id" value={event._id} />
            </dl>
            {Object.keys(event.data).length > 0 ? (
              <pre className="mt-2 rounded border border-border bg-card p-2 break-all whitespace-pre-wrap">
                {JSON.stringify(event.data, null, 2)}
              </pre>
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
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
