'use client';

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type ReportRecord, reportSortFields } from '@/server/modules/reports/schemas';
import { pageWindow, serverSort } from '../admin/list';
import { Time } from '../time';
import { useTRPC } from '../trpc/client';
import {
  createDataTableColumns,
  DataTable,
  filterBarProps,
  pagedTableProps,
  useTableUrlState,
} from '../ui/data-table';
import { toast } from '../ui/toast';
import { CreateLocationsReportDialog } from './create-locations-report-dialog';
import { DownloadLink, ReportStatusCell } from './report-cells';
import { reportFilterMenus, reportSearch } from './report-filter-bar';
import {
  parseReportFilters,
  type ReportFilterKey,
  reportFilterKeys,
  reportFilterValues,
} from './report-url-filters';
import { formatBytes, isRendering, templateLabel } from './report-words';

const col = createDataTableColumns<ReportRecord>();
const columns = col.columns([
  col.accessor('statementNumber', {
    header: 'Statement',
    enableSorting: true,
    meta: { primary: true, className: 'whitespace-nowrap' },
    cell: (info) => <span className="font-mono">{info.getValue()}</span>,
  }),
  col.accessor('title', {
    header: 'Title',
    enableSorting: true,
    cell: (info) => (
      <div>
        <div>{info.getValue()}</div>
        <div className="text-caption text-muted-foreground">{templateLabel(info.row.original.template)}</div>
      </div>
    ),
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
    meta: { align: 'right', className: 'whitespace-nowrap' },
    cell: (info) => formatBytes(info.getValue()),
  }),
  col.display({
    id: 'download',
    header: () => <span className="sr-only">Download</span>,
    meta: { label: 'PDF', align: 'right' },
    cell: (info) => <DownloadLink report={info.row.original} />,
  }),
]);

/** Poll while a report is on its way; stop once every row is ready, failed or void. */
const POLL_MS = 1000;

/**
 * A profile's reports: what was issued for it (retirement statements rendered by staff, and the
 * locations inventories its members create), with search and template in the address; Download
 * once ready. With reports.write: create a locations report from the locations filters.
 */
export function ProfileReports({ profileId, canWrite }: { profileId: string; canWrite: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const url = useTableUrlState<ReportFilterKey>({ filters: reportFilterKeys, sortable: reportSortFields });
  const filters = useMemo(
    () => parseReportFilters({ ...url.filters, q: url.query }),
    [url.filters, url.query],
  );
  const list = useQuery({
    ...trpc.reports.list.queryOptions({
      profileId,
      search: filters.search,
      template: filters.template,
      sort: serverSort<(typeof reportSortFields)[number]>(url.sort),
      ...pageWindow(url.page, url.pageSize),
      withTotal: true,
    }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some(isRendering) ? POLL_MS : false),
  });

  async function created(report: ReportRecord) {
    toast.success(
      isRendering(report)
        ? `Report ${report.statementNumber} is being rendered`
        : `Report ${report.statementNumber} created`,
    );
    await queryClient.invalidateQueries({ queryKey: trpc.reports.list.pathKey() });
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">Reports</h2>
          <p className="text-sm text-muted-foreground">
            Documents issued for this profile: retirement statements and locations inventories, as PDF.
          </p>
        </div>
        {canWrite ? <CreateLocationsReportDialog profileId={profileId} onCreated={created} /> : null}
      </div>
      <DataTable
        {...pagedTableProps(url, { ...list, data: list.data ? { total: list.data.total ?? 0 } : undefined })}
        caption="Reports"
        noun="reports"
        columns={columns}
        rows={list.data?.items}
        getRowId={(row) => row._id}
        getRowLabel={(row) => row.statementNumber}
        {...filterBarProps(url, reportSearch, reportFilterMenus, reportFilterValues(filters))}
        empty={{
          title: 'No reports yet',
          description: canWrite
            ? 'Reports are PDF documents issued for this profile: retirement statements that prove a claim, and inventories of its locations. Create a locations report to start.'
            : 'Reports are PDF documents issued for this profile: retirement statements that prove a claim, and inventories of its locations. None has been issued yet.',
          action: canWrite ? <CreateLocationsReportDialog profileId={profileId} onCreated={created} /> : null,
        }}
      />
    </div>
  );
}
