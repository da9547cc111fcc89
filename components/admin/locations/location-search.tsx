'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Building2, ExternalLink, Layers } from 'lucide-react';
import Link from 'next/link';
import { useMemo } from 'react';
import { locationTypes } from '@/server/modules/locations/catalog';
import { type AdminLocationOutput, locationSortFields } from '@/server/modules/locations/schemas';
import { locationTypeLabel } from '../../locations/location-labels';
import { parseLocationFilters } from '../../locations/location-url-filters';
import { StateBadge } from '../../state-badge';
import { useTRPC } from '../../trpc/client';
import {
  createDataTableColumns,
  DataTable,
  type DataTableFilterChip,
  FilterMenu,
  pagedTableProps,
  TableSearch,
  useTableUrlState,
} from '../../ui/data-table';
import { stateOptions, stateWord } from '../../words';
import { pageWindow, serverSort } from '../list';

const col = createDataTableColumns<AdminLocationOutput>();
const columns = col.columns([
  col.accessor('name', { header: 'Name', enableSorting: true, meta: { primary: true } }),
  col.accessor('code', { header: 'Code', cell: (info) => info.getValue() ?? '—' }),
  col.accessor('organizationName', {
    header: 'Organization',
    cell: (info) => (
      <Link
        href={`/admin/organizations/${info.row.original.organizationId}`}
        className="focus-ring rounded-sm text-link hover:underline"
      >
        {info.getValue()}
      </Link>
    ),
  }),
  col.accessor('profileName', {
    header: 'Profile',
    cell: (info) => (
      <Link
        href={`/admin/profiles/${info.row.original.profileId}`}
        className="focus-ring rounded-sm text-link hover:underline"
      >
        {info.getValue()}
      </Link>
    ),
  }),
  col.accessor('type', {
    header: 'Type',
    enableSorting: true,
    cell: (info) => locationTypeLabel(info.getValue()),
  }),
  col.accessor('status', {
    header: 'Status',
    enableSorting: true,
    cell: (info) => <StateBadge kind="location" state={info.getValue()} />,
  }),
]);

const typeOptions = Object.entries(locationTypes).map(([value, label]) => ({ value, label }));
const statusOptions = stateOptions('location');

/** Locations across every organization: search by name or code, status and type, all in the URL. */
export function AdminLocationSearch() {
  const trpc = useTRPC();
  const url = useTableUrlState<'status' | 'type'>({
    filters: ['status', 'type'],
    sortable: locationSortFields,
  });
  const filters = useMemo(
    () => parseLocationFilters({ ...url.filters, q: url.query }),
    [url.filters, url.query],
  );
  const query = useQuery({
    ...trpc.admin.locations.list.queryOptions({
      status: filters.status,
      type: filters.type,
      q: filters.q,
      sort: serverSort<(typeof locationSortFields)[number]>(url.sort),
      ...pageWindow(url.page, url.pageSize),
      withTotal: true,
    }),
    placeholderData: keepPreviousData,
  });

  const chips: DataTableFilterChip[] = [];
  if (filters.q) chips.push({ id: 'q', label: 'Search', value: filters.q });
  if (filters.status)
    chips.push({ id: 'status', label: 'Status', value: stateWord('location', filters.status) });
  if (filters.type) chips.push({ id: 'type', label: 'Type', value: locationTypeLabel(filters.type) });

  return (
    <DataTable
      {...pagedTableProps(url, { ...query, data: query.data ? { total: query.data.total ?? 0 } : undefined })}
      caption="Locations"
      noun="locations"
      columns={columns}
      rows={query.data?.items}
      getRowId={(row) => row._id}
      getRowLabel={(row) => row.name}
      rowHref={(row) => `/admin/locations/${row._id}`}
      rowActions={(row) => [
        { label: 'Open', icon: <ExternalLink aria-hidden="true" />, href: `/admin/locations/${row._id}` },
        {
          label: 'Open its profile',
          icon: <Layers aria-hidden="true" />,
          href: `/admin/profiles/${row.profileId}`,
        },
        {
          label: 'Open its organization',
          icon: <Building2 aria-hidden="true" />,
          href: `/admin/organizations/${row.organizationId}`,
        },
      ]}
      filters={chips}
      onRemoveFilter={(id) => (id === 'q' ? url.setQuery('') : url.setFilter(id as 'status' | 'type', null))}
      onClearFilters={url.clearFilters}
      toolbar={
        <>
          <TableSearch
            value={url.query}
            onChange={url.setQuery}
            label="Search locations by name or code"
            placeholder="Name or code"
          />
          <FilterMenu
            label="Status"
            options={statusOptions}
            value={filters.status ?? null}
            onChange={(v) => url.setFilter('status', v)}
          />
          <FilterMenu
            label="Type"
            options={typeOptions}
            value={filters.type ?? null}
            onChange={(v) => url.setFilter('type', v)}
          />
        </>
      }
      empty={{
        title: 'No locations yet',
        description:
          'Business locations are added by each profile, from its Locations page, an import or the API.',
      }}
    />
  );
}
