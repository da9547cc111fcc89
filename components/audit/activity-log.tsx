'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { UserRound } from 'lucide-react';
import { pageWindow, serverSort } from '@/components/admin/list';
import { ActivityFilters } from '@/components/audit/activity-filters';
import { eventTypeLabel } from '@/components/audit/audit-filter-form';
import { describeActor, describeDetails, describeTarget } from '@/components/audit/describe-event';
import { useMembers } from '@/components/members/use-members';
import type { AuditEvent, AuditFilters, MeProfile } from '@/components/organizations/types';
import { Time } from '@/components/time';
import { useTRPC } from '@/components/trpc/client';
import { Card } from '@/components/ui/card';
import {
  createDataTableColumns,
  DataTable,
  type DataTableFilterChip,
  pagedTableProps,
  useTableUrlState,
} from '@/components/ui/data-table';
import type { AuditFilterValues } from '@/server/modules/audit/schemas';
import { auditWords } from '@/server/modules/catalog';
import { auditSortFields } from '@/server/modules/members/schemas';

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const filterKeys = ['action', 'userId', 'from', 'to'] as const;
type FilterKey = (typeof filterKeys)[number];

/** Dates are days in the reader's zone: "to" includes its whole day. */
function toInput(organizationId: string, f: AuditFilterValues): AuditFilters {
  const midnight = (day: string) => new Date(`${day}T00:00:00`);
  return {
    organizationId,
    ...(f.action ? { action: f.action } : {}),
    ...(f.userId ? { userId: f.userId } : {}),
    ...(f.from ? { from: midnight(f.from).toISOString() } : {}),
    ...(f.to ? { to: new Date(midnight(f.to).getTime() + DAY_MS - 1).toISOString() } : {}),
  };
}

type Row = AuditEvent & { profileName: (id: string) => string | undefined };

const col = createDataTableColumns<Row>();
const columns = col.columns([
  col.accessor('at', {
    header: 'When',
    enableSorting: true,
    cell: (info) => <Time iso={info.getValue()} relative />,
    meta: { className: 'whitespace-nowrap text-muted-foreground' },
  }),
  col.display({ id: 'who', header: 'Who', cell: (info) => describeActor(info.row.original) }),
  col.accessor('action', {
    header: 'What',
    enableSorting: true,
    // the module's label ("Invited a person"); describeAction's phrase is for sentences
    cell: (info) => auditWords(info.getValue())?.label ?? info.getValue(),
    meta: { primary: true },
  }),
  col.display({
    id: 'whom',
    header: 'Whom or what',
    cell: (info) => {
      const event = info.row.original;
      const details = describeDetails(event, event.profileName);
      return (
        <span className="break-words">
          {describeTarget(event, event.profileName) || '—'}
          {details ? <span className="block text-caption text-muted-foreground">{details}</span> : null}
        </span>
      );
    },
  }),
]);

/** The organization's audit log, newest first: filters, sort and page in the address. */
export function ActivityLog({ organizationId, profiles }: { organizationId: string; profiles: MeProfile[] }) {
  const trpc = useTRPC();
  const url = useTableUrlState<FilterKey>({ filters: filterKeys, sortable: auditSortFields });
  const members = useMembers(organizationId);
  const values: AuditFilterValues = {
    organizationId: '',
    action: url.filters.action?.slice(0, 100) ?? '',
    userId: url.filters.userId && UUID.test(url.filters.userId) ? url.filters.userId : '',
    from: url.filters.from && DAY.test(url.filters.from) ? url.filters.from : '',
    to: url.filters.to && DAY.test(url.filters.to) ? url.filters.to : '',
  };
  const query = useQuery({
    ...trpc.audit.list.queryOptions({
      ...toInput(organizationId, values),
      sort: serverSort(url.sort),
      ...pageWindow(url.page, url.pageSize),
    }),
    placeholderData: keepPreviousData,
  });
  const profileName = (id: string) => profiles.find((p) => p._id === id)?.name;
  const rows = query.data?.items.map((event) => ({ ...event, profileName }));

  const chips: DataTableFilterChip[] = [];
  if (values.action)
    chips.push({ id: 'action', label: 'Event type', value: eventTypeLabel(values.action, 'organization') });
  if (values.userId) {
    const member = members.items.find((m) => m._id === values.userId);
    const name = member ? `${member.firstName} ${member.lastName}`.trim() || member.email : 'chosen';
    chips.push({ id: 'userId', label: 'Person', value: name });
  }
  if (values.from) chips.push({ id: 'from', label: 'From', value: values.from });
  if (values.to) chips.push({ id: 'to', label: 'To', value: values.to });

  return (
    <div className="space-y-6">
      <Card>
        <ActivityFilters
          key={JSON.stringify(values)}
          members={members.items}
          initial={values}
          onApply={(next) =>
            url.setFilters(Object.fromEntries(filterKeys.map((key) => [key, next[key] || null])))
          }
        />
      </Card>
      <DataTable
        {...pagedTableProps(url, query)}
        caption="Activity"
        noun="activity"
        columns={columns}
        rows={rows}
        getRowId={(row) => row._id}
        getRowLabel={(row) => auditWords(row.action)?.label ?? row.action}
        rowActions={(row) =>
          row.actor && '_id' in row.actor
            ? [
                {
                  label: 'Only this person’s activity',
                  icon: <UserRound aria-hidden="true" />,
                  onSelect: () => url.setFilter('userId', (row.actor as { _id: string })._id),
                },
              ]
            : []
        }
        filters={chips}
        onRemoveFilter={(id) => url.setFilter(id as FilterKey, null)}
        onClearFilters={url.clearFilters}
        empty={{
          title: 'No activity yet',
          description:
            'Invitations, role changes and profile edits in this organization are listed here as they happen.',
        }}
      />
    </div>
  );
}
