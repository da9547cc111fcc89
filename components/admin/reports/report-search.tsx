'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Building2, ExternalLink, Layers } from 'lucide-react';
import Link from 'next/link';
import { useMemo } from 'react';
import { type ReportRecord, reportFilePath, reportSortFields } from '@/server/modules/reports/schemas';
import { ReportStatusCell } from '../../reports/report-cells';
import { adminReportFilterMenus, adminReportSearch } from '../../reports/report-filter-bar';
import {
  parseReportFilters,
  type ReportFilterKey,
  reportFilterKeys,
  reportFilterValues,
} from '../../reports/report-url-filters';
import { formatBytes, isDownloadable, isRendering, templateLabel } from '../../reports/report-words';
import { Time } from '../../time';
import { useTRPC } from '../../trpc/client';
import { buttonClass } from '../../ui/button';
import {
  createDataTableColumns,
  DataTable,
  type DataTableRowAction,
  filterBarProps,
  pagedTableProps,
  useTableUrlState,
} from '../../ui/data-table';
import { useCanWrite } from '../access';
import { pageWindow, serverSort } from '../list';

const linkClass = 'focus-ring rounded-sm text-link hover:underline';

const col = createDataTableColumns<ReportRecord>();
const columns = col.columns([
  col.accessor('statementNumber', {
    header: 'Statement',
    enableSorting: true,
    meta: { primary: true, className: 'whitespace-nowrap' },
    cell: (info) => <span className="font-mono">{info.getValue()}</span>,
  }),
  col.accessor('template', {
    header: 'Template',
    enableSorting: true,
    cell: (info) => templateLabel(info.getValue()),
  }),
  col.accessor('profileName', {
    header: 'Profile',
    cell: (info) => {
      const { profileId, organizationId, organizationName } = info.row.original;
      if (!profileId) return <span className="text-muted-foreground">—</span>;
      return (
        <div>
          <Link href={`/admin/profiles/${profileId}`} className={linkClass}>
            {info.getValue() ?? 'Its profile'}
          </Link>
          {organizationId ? (
            <div className="text-caption">
              <Link href={`/admin/organizations/${organizationId}`} className={linkClass}>
                {organizationName ?? 'Its organization'}
              </Link>
            </div>
          ) : null}
        </div>
      );
    },
  }),
  col.accessor('issuedAt', {
    header: 'Issued',
    meta: { className: 'whitespace-nowrap' },
    cell: (info) => <Time iso={info.getValue()} relative />,
  }),
  col.accessor('status', {
    header: 'Status',
    enableSorting: true,
    cell: (info) => <ReportStatusCell report={info.row.original} />,
  }),
  col.accessor('byteSize', {
    header: 'Size',
    meta: { align: 'right', className: 'whitespace-nowrap', hideWhenStacked: true },
    cell: (info) => formatBytes(info.getValue()),
  }),
]);

function actions(row: ReportRecord): DataTableRowAction[] {
  const list: DataTableRowAction[] = [
    { label: 'Open', icon: <ExternalLink aria-hidden="true" />, href: `/admin/reports/${row._id}` },
  ];
  if (row.profileId)
    list.push({
      label: 'Open its profile',
      icon: <Layers aria-hidden="true" />,
      href: `/admin/profiles/${row.profileId}`,
    });
  if (row.organizationId)
    list.push({
      label: 'Open its organization',
      icon: <Building2 aria-hidden="true" />,
      href: `/admin/organizations/${row.organizationId}`,
    });
  if (isDownloadable(row))
    list.push({
      label: 'Download PDF',
      onSelect: () => window.location.assign(reportFilePath(row._id)),
    });
  return list;
}

/**
 * Reports across every organization: search by statement number, title, profile, organization or
 * the start of the hash; template, status and voided; all in the URL. A row opens its record.
 */
export function AdminReportSearch() {
  const trpc = useTRPC();
  const canWrite = useCanWrite();
  const url = useTableUrlState<ReportFilterKey>({ filters: reportFilterKeys, sortable: reportSortFields });
  const filters = useMemo(
    () => parseReportFilters({ ...url.filters, q: url.query }),
    [url.filters, url.query],
  );
  const query = useQuery({
    ...trpc.admin.reports.list.queryOptions({
      ...filters,
      sort: serverSort<(typeof reportSortFields)[number]>(url.sort),
      ...pageWindow(url.page, url.pageSize),
      withTotal: true,
    }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some(isRendering) ? 1000 : false),
  });

  return (
    <DataTable
      {...pagedTableProps(url, { ...query, data: query.data ? { total: query.data.total ?? 0 } : undefined })}
      caption="Reports"
      noun="reports"
      columns={columns}
      rows={query.data?.items}
      getRowId={(row) => row._id}
      getRowLabel={(row) => row.statementNumber}
      rowHref={(row) => `/admin/reports/${row._id}`}
      rowActions={actions}
      {...filterBarProps(url, adminReportSearch, adminReportFilterMenus, reportFilterValues(filters))}
      empty={{
        title: 'No reports yet',
        description:
          'Retirement statements are rendered here from a template and its data; profiles create their own locations inventories.',
        action: canWrite ? (
          <Link href="/admin/reports/new" className={buttonClass('primary')}>
            Render a report
          </Link>
        ) : null,
      }}
    />
  );
}
