'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ExternalLink, History, Plus } from 'lucide-react';
import Link from 'next/link';
import { useMemo } from 'react';
import { adminUserSortFields } from '@/server/modules/admin/users/schemas';
import { Time } from '../../time';
import { useTRPC } from '../../trpc/client';
import { Badge } from '../../ui/badge';
import { buttonClass } from '../../ui/button';
import {
  createDataTableColumns,
  DataTable,
  type DataTableFilterChip,
  pagedTableProps,
  TableSearch,
  useTableUrlState,
} from '../../ui/data-table';
import { pageWindow, serverSort } from '../list';
import type { UserRow } from '../types';

const fullName = (user: UserRow) => `${user.firstName} ${user.lastName}`.trim();

const col = createDataTableColumns<UserRow>();
const columns = col.columns([
  col.accessor('email', {
    header: 'Email',
    enableSorting: true,
    meta: { primary: true, className: 'break-all' },
  }),
  col.accessor(fullName, {
    id: 'name',
    header: 'Name',
    enableSorting: true,
    cell: (info) => info.getValue() || '—',
  }),
  col.accessor('status', {
    header: 'Status',
    enableSorting: true,
    cell: (info) => (
      <span className="flex flex-wrap gap-1">
        {info.getValue() === 'active' ? (
          <Badge tone="green" dot>
            Active
          </Badge>
        ) : (
          <Badge tone="red" dot>
            Disabled
          </Badge>
        )}
        {info.row.original.passwordChangeRequired ? <Badge tone="amber">Temporary password</Badge> : null}
      </span>
    ),
  }),
  col.accessor('lastLoginAt', {
    header: 'Last sign-in',
    cell: (info) => <Time iso={info.getValue()} />,
    meta: { className: 'whitespace-nowrap text-muted-foreground' },
  }),
  col.accessor('createdAt', {
    header: 'Created',
    enableSorting: true,
    cell: (info) => <Time iso={info.getValue()} />,
    meta: { className: 'whitespace-nowrap text-muted-foreground', hideWhenStacked: true },
  }),
]);

/** Every user, or those whose email contains the text typed; sorted and paged, all of it in the URL. */
export function UserSearch({ canWrite }: { canWrite: boolean }) {
  const trpc = useTRPC();
  const url = useTableUrlState({ sortable: adminUserSortFields });
  const query = useQuery({
    ...trpc.admin.users.search.queryOptions({
      email: url.query,
      sort: serverSort(url.sort),
      ...pageWindow(url.page, url.pageSize),
    }),
    placeholderData: keepPreviousData,
  });

  const chips = useMemo(
    (): DataTableFilterChip[] => (url.query ? [{ id: 'q', label: 'Email', value: url.query }] : []),
    [url.query],
  );

  return (
    <DataTable
      {...pagedTableProps(url, query)}
      caption="Users"
      noun="users"
      columns={columns}
      rows={query.data?.items}
      getRowId={(row) => row._id}
      getRowLabel={(row) => row.email}
      rowHref={(row) => `/admin/users/${row._id}`}
      rowActions={(row) => [
        { label: 'Open', icon: <ExternalLink aria-hidden="true" />, href: `/admin/users/${row._id}` },
        {
          label: 'Audit log',
          icon: <History aria-hidden="true" />,
          href: `/admin/audit?userId=${row._id}`,
        },
      ]}
      filters={chips}
      onRemoveFilter={() => url.setQuery('')}
      onClearFilters={url.clearFilters}
      toolbar={
        <TableSearch
          value={url.query}
          onChange={url.setQuery}
          label="Search users by email"
          placeholder="Email contains"
        />
      }
      empty={{
        title: 'No users yet',
        description: canWrite
          ? 'People sign in with an account made here or by an invitation. Create one.'
          : undefined,
        action: canWrite ? (
          <Link href="/admin/users/new" className={buttonClass('primary')}>
            <Plus aria-hidden="true" className="size-4" />
            Create a user
          </Link>
        ) : null,
      }}
    />
  );
}
