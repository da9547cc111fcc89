'use client';

import { useState } from 'react';
import { ActivityFilters, type ActivityFilterValues, noFilters } from '@/components/audit/activity-filters';
import {
  describeAction,
  describeActor,
  describeDetails,
  describeTarget,
} from '@/components/audit/describe-event';
import { formatDateTime } from '@/components/format';
import { useMembers } from '@/components/members/use-members';
import type { AuditFilters, MeProfile } from '@/components/organizations/types';
import { useTRPC, useTRPCClient } from '@/components/trpc/client';
import { readError } from '@/components/trpc/errors';
import { usePages } from '@/components/trpc/use-pages';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

const PAGE_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Dates are days in the reader's zone: "to" includes its whole day. */
function toInput(organizationId: string, f: ActivityFilterValues): AuditFilters {
  const midnight = (day: string) => new Date(`${day}T00:00:00`);
  return {
    organizationId,
    ...(f.action ? { action: f.action } : {}),
    ...(f.userId ? { userId: f.userId } : {}),
    ...(f.from ? { from: midnight(f.from).toISOString() } : {}),
    ...(f.to ? { to: new Date(midnight(f.to).getTime() + DAY_MS - 1).toISOString() } : {}),
  };
}

/** The organization's audit log, newest first, a page at a time. */
export function ActivityLog({ organizationId, profiles }: { organizationId: string; profiles: MeProfile[] }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [filters, setFilters] = useState(noFilters);
  const members = useMembers(organizationId);
  const input = { ...toInput(organizationId, filters), limit: PAGE_SIZE };
  const { query: events, items } = usePages(trpc.audit.list.infiniteQueryKey(input), (cursor) =>
    client.audit.list.query({ ...input, cursor }),
  );
  const profileName = (id: string) => profiles.find((p) => p._id === id)?.name;

  return (
    <div className="space-y-6">
      <Card>
        <ActivityFilters members={members.items} onApply={setFilters} />
      </Card>
      <Card>
        {events.isPending ? (
          <p className="text-sm text-muted-foreground">Loading…</p>
        ) : events.isError ? (
          <Alert tone="error">{readError(events.error).message}</Alert>
        ) : items.length === 0 ? (
          <p className="text-sm text-muted-foreground">No activity matches these filters.</p>
        ) : (
          <div className="-mx-5 -my-4 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Activity, newest first</caption>
              <thead className="border-b border-border text-xs text-muted-foreground">
                <tr>
                  <th scope="col" className="px-5 py-3 font-medium">
                    When
                  </th>
                  <th scope="col" className="px-5 py-3 font-medium">
                    Who
                  </th>
                  <th scope="col" className="px-5 py-3 font-medium">
                    What
                  </th>
                  <th scope="col" className="px-5 py-3 font-medium">
                    Whom or what
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {items.map((event) => (
                  <tr key={event._id} className="align-top">
                    <td className="px-5 py-3 whitespace-nowrap text-muted-foreground">
                      <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                    </td>
                    <td className="px-5 py-3 text-foreground">{describeActor(event)}</td>
                    <td className="px-5 py-3 text-foreground">
                      {describeAction(event.action)}
                      <span className="block text-xs text-subtle-foreground">{event.action}</span>
                    </td>
                    <td className="px-5 py-3 text-foreground">
                      {describeTarget(event, profileName)}
                      <span className="block text-xs text-muted-foreground">
                        {describeDetails(event, profileName)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {events.hasNextPage ? (
        <Button
          variant="secondary"
          pending={events.isFetchingNextPage}
          onClick={() => void events.fetchNextPage()}
        >
          Load more
        </Button>
      ) : null}
    </div>
  );
}
