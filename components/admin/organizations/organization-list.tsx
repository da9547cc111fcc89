'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ExternalLink, History, Plus } from 'lucide-react';
import Link from 'next/link';
import { adminOrganizationSortFields } from '@/server/modules/admin/schemas';
import { StateBadge } from '../../state-badge';
import { Time } from '../../time';
import { useTRPC } from '../../trpc/client';
import { buttonClass } from '../../ui/button';
import {
  createDataTableColumns,
  DataTable,
  filterBarProps,
  pagedTableProps,
  useTableUrlState,
} from '../../ui/data-table';
import { stateOptions } from '../../words';
import { pageWindow, serverSort } from '../list';
import type { OrganizationRow } from '../types';

const statusOptions = stateOptions('organization');

const col = createDataTableColumns<OrganizationRow>();
const columns = col.columns([
  col.accessor('name', { header: 'Name', enableSorting: true, meta: { primary: true } }),
  col.accessor('taxId', {
    header: 'Tax id',
    cell: (info) => info.getValue() || '—',
    meta: { hideWhenStacked: true },
  }),
  col.accessor('duns', {
    header: 'DUNS',
    cell: (info) => info.getValue() || '—',
    meta: { hideWhenStacked: true, className: 'tabular-nums' },
  }),
  col.accessor('profileCount', { header: 'Profiles', enableSorting: true, meta: { align: 'right' } }),
  col.accessor('status', {
    header: 'Status',
    enableSorting: true,
    cell: (info) => <StateBadge kind="organization" state={info.getValue()} />,
  }),
  col.accessor('createdAt', {
    header: 'Created',
    enableSorting: true,
    cell: (info) => <Time iso={info.getValue()} relative />,
    meta: { className: 'whitespace-nowrap text-muted-foreground' },
  }),
]);

/** Every organization: search by name, filter by status, sort, a page at a time; all of it in the URL. */
export function OrganizationList({ canWrite }: { canWrite: boolean }) {
  const trpc = useTRPC();
  const url = useTableUrlState<'status'>({
    filters: ['status'],
    sortable: adminOrganizationSortFields,
  });
  const status =
    url.filters.status === 'active' || url.filters.status === 'archive' ? url.filters.status : undefined;
  const query = useQuery({
    ...trpc.admin.organizations.list.queryOptions({
      search: url.query || undefined,
      status,
      sort: serverSort(url.sort),
      ...pageWindow(url.page, url.pageSize),
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <DataTable
      {...pagedTableProps(url, query)}
      caption="Organizations"
      noun="organizations"
      columns={columns}
      rows={query.data?.items}
      getRowId={(row) => row._id}
      getRowLabel={(row) => row.name}
      rowHref={(row) => `/admin/organizations/${row._id}`}
      rowActions={(row) => [
        {
          label: 'Open',
          icon: <ExternalLink aria-hidden="true" />,
          href: `/admin/organizations/${row._id}`,
        },
        {
          label: 'Audit log',
          icon: <History aria-hidden="true" />,
          href: `/admin/audit?organizationId=${row._id}`,
        },
      ]}
      {...filterBarProps(url, { chip: 'Name', label: 'Search organizations', placeholder: 'Name contains' }, [
        { key: 'status', label: 'Status', options: statusOptions },
      ])}
      empty={{
        title: 'No organizations yet',
        description: canWrite
          ? 'Organizations are the producers, transporters and buyers that report here. Create one.'
          : 'Organizations are the producers, transporters and buyers that report here.',
        action: canWrite ? (
          <Link href="/admin/organizations/new" className={buttonClass('primary')}>
            <Plus aria-hidden="true" className="size-4" />
            Create an organization
          </Link>
        ) : null,
      }}
    />
  );
}
