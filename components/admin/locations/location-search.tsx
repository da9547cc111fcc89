'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Building2, ExternalLink, Layers } from 'lucide-react';
import Link from 'next/link';
import { useMemo } from 'react';
import { type AdminLocationOutput, locationSortFields } from '@/server/modules/locations/schemas';
import { locationFilterMenus, locationSearch } from '../../locations/location-filter-bar';
import { locationTypeLabel } from '../../locations/location-labels';
import {
  type LocationFilterKey,
  locationFilterKeys,
  parseLocationFilters,
} from '../../locations/location-url-filters';
import { StateBadge } from '../../state-badge';
import { useTRPC } from '../../trpc/client';
import {
  createDataTableColumns,
  DataTable,
  filterBarProps,
  pagedTableProps,
  useTableUrlState,
} from '../../ui/data-table';
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

/** Locations across every organization: search by name or code, status, type and basin, all in the URL. */
export function AdminLocationSearch() {
  const trpc = useTRPC();
  const url = useTableUrlState<LocationFilterKey>({
    filters: locationFilterKeys,
    sortable: locationSortFields,
  });
  const filters = useMemo(
    () => parseLocationFilters({ ...url.filters, q: url.query }),
    [url.filters, url.query],
  );
  const query = useQuery({
    ...trpc.admin.locations.list.queryOptions({
      ...filters,
      sort: serverSort<(typeof locationSortFields)[number]>(url.sort),
      ...pageWindow(url.page, url.pageSize),
      withTotal: true,
    }),
    placeholderData: keepPreviousData,
  });

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
      {...filterBarProps(url, locationSearch, locationFilterMenus, filters)}
      empty={{
        title: 'No locations yet',
        description:
          'Business locations are added by each profile, from its Locations page, an import or the API.',
      }}
    />
  );
}
