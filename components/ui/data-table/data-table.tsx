'use client';

import {
  functionalUpdate,
  type RowData,
  type SortingState,
  type Updater,
  useTable,
} from '@tanstack/react-table';
import { useRouter } from 'next/navigation';
import { type MouseEvent, type ReactNode, useMemo } from 'react';
import { Button } from '../button';
import { cn } from '../cn';
import { isNetworkError, NetworkError } from '../network-error';
import { FilterChips } from './filters';
import { DataTablePagination } from './pagination';
import { RowActions } from './row-actions';
import { StackedRow, StackedSort } from './stacked';
import { EmptyState, LoadError, SkeletonCards, SkeletonRows } from './states';
import { BodyCell, HeaderCell } from './table-cells';
import {
  type DataTableChange,
  type DataTableColumns,
  type DataTableFilterChip,
  type DataTableRowAction,
  type DataTableSort,
  dataTableFeatures,
} from './types';

export type DataTableProps<TData extends RowData> = {
  /** names the table for screen readers ("Organizations") */
  caption: string;
  /** the rows in words, for messages ("organizations": "The organizations could not be loaded") */
  noun: string;
  columns: DataTableColumns<TData>;
  /** this page's rows, already sorted and filtered by the server; undefined before the first answer */
  rows: TData[] | undefined;
  total: number | undefined;
  /** the server counted roughly (a big table): "of about 10,000" and no "last page" */
  totalIsEstimate?: boolean;
  /** 1-based */
  page: number;
  pageSize: number;
  sort: DataTableSort;
  onChange: (change: DataTableChange) => void;
  getRowId: (row: TData) => string;
  /** the row in words, for its action menu's name ("Actions for Acme Gas") */
  getRowLabel?: (row: TData) => string;
  /** the record's page: the primary cell becomes a link and a click anywhere on the row opens it */
  rowHref?: (row: TData) => string;
  onRowClick?: (row: TData) => void;
  rowActions?: (row: TData) => DataTableRowAction[];
  loading?: boolean;
  /** the last load failed; with rows still shown it is a line above them, without a block with Retry */
  error?: unknown;
  onRetry?: () => void;
  filters?: DataTableFilterChip[];
  onRemoveFilter?: (id: string) => void;
  onClearFilters?: () => void;
  /** search box and filter menus, above the chips */
  toolbar?: ReactNode;
  /** the empty list: what it is for and its primary action */
  empty: { title: ReactNode; description?: ReactNode; action?: ReactNode };
  pageSizeOptions?: number[];
  className?: string;
};

const toSorting = (sort: DataTableSort): SortingState => (sort ? [sort] : []);

/**
 * The one list of the console. The server sorts, filters and pages; the table shows a page, its
 * total, sortable headers, filter chips, and each state (loading, failed, empty). Below 640 px
 * every row is a card with its fields stacked, so nothing scrolls sideways.
 */
export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  const {
    caption,
    noun,
    columns,
    rows,
    total,
    totalIsEstimate,
    page,
    pageSize,
    sort,
    onChange,
    getRowId,
    getRowLabel,
    rowHref,
    onRowClick,
    rowActions,
    loading = false,
    error,
    onRetry,
    filters = [],
    onRemoveFilter,
    onClearFilters,
    toolbar,
    empty,
    pageSizeOptions,
    className,
  } = props;
  const router = useRouter();
  const data = useMemo(() => rows ?? [], [rows]);
  const sorting = useMemo(() => toSorting(sort), [sort]);
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => getRowId(row),
    state: { sorting },
    manualSorting: true,
    enableMultiSort: false,
    // a column sorts only when it says so: the server knows which orders it has an index for
    defaultColumn: { enableSorting: false },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = functionalUpdate(updater, sorting)[0];
      onChange({ sort: next ? { id: next.id, desc: next.desc } : null, page: 1 });
    },
  });

  const headers = table.getHeaderGroups().flatMap((group) => group.headers);
  const tableRows = table.getRowModel().rows;
  const columnCount = headers.length + (rowActions ? 1 : 0);
  const firstLoad = rows === undefined;
  const failed = Boolean(error);
  const filtered = filters.length > 0;
  const skeletonCount = Math.min(pageSize, 8);

  const open = (row: TData) => (rowHref ? router.push(rowHref(row)) : onRowClick?.(row));
  const clickable = Boolean(rowHref || onRowClick);
  function onRowMouse(event: MouseEvent, row: TData) {
    // a link, a button or the menu inside the row does its own thing
    if ((event.target as HTMLElement).closest('a, button, input, [role="menu"], [data-row-action]')) return;
    if (window.getSelection()?.toString()) return;
    open(row);
  }

  let body: ReactNode;
  if (failed && (firstLoad || data.length === 0)) {
    body = <LoadError what={noun} onRetry={onRetry} retrying={loading} offline={isNetworkError(error)} />;
  } else if (!firstLoad && !loading && data.length === 0) {
    body = filtered ? (
      <EmptyState
        title={`No ${noun} match these filters`}
        description="Change or remove a filter to see more."
        action={
          onClearFilters ? (
            <Button variant="secondary" onClick={onClearFilters}>
              Clear filters
            </Button>
          ) : null
        }
      />
    ) : (
      <EmptyState title={empty.title} description={empty.description} action={empty.action} />
    );
  } else {
    body = (
      <>
        {failed ? (
          <div className="border-b border-border px-4 py-2">
            <NetworkError
              compact
              title={`The ${noun} could not be refreshed`}
              onRetry={onRetry}
              retrying={loading}
            />
          </div>
        ) : null}
        <div className="hidden overflow-x-auto sm:block">
          <table className="w-full border-collapse text-left text-body" aria-busy={loading || undefined}>
            <caption className="sr-only">{caption}</caption>
            <thead className="border-b border-border bg-muted/40">
              <tr>
                {headers.map((header) => (
                  <HeaderCell key={header.id} header={header} />
                ))}
                {rowActions ? (
                  <th scope="col" className="w-12 px-2">
                    <span className="sr-only">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className={cn(loading && !firstLoad && 'opacity-60 transition-opacity')}>
              {firstLoad ? (
                <SkeletonRows columns={columnCount} rows={skeletonCount} />
              ) : (
                tableRows.map((row) => (
                  <tr
                    key={row.id}
                    onClick={clickable ? (event) => onRowMouse(event, row.original) : undefined}
                    className={cn(
                      'border-b border-border last:border-0',
                      clickable && 'cursor-pointer hover:bg-muted/50',
                    )}
                  >
                    {row.getAllCells().map((cell) => (
                      <BodyCell key={cell.id} cell={cell} href={rowHref?.(row.original)} />
                    ))}
                    {rowActions ? (
                      <td className="px-2 py-1.5 text-right">
                        <RowActions
                          actions={rowActions(row.original)}
                          rowLabel={getRowLabel?.(row.original) ?? row.id}
                        />
                      </td>
                    ) : null}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
        <StackedSort headers={headers} sort={sort} onChange={(next) => onChange({ sort: next, page: 1 })} />
        <ul
          aria-label={caption}
          aria-busy={loading || undefined}
          className={cn('divide-y divide-border sm:hidden', loading && !firstLoad && 'opacity-60')}
        >
          {firstLoad ? (
            <SkeletonCards rows={skeletonCount} />
          ) : (
            tableRows.map((row) => (
              <StackedRow
                key={row.id}
                cells={row.getAllCells()}
                href={rowHref?.(row.original)}
                onClick={clickable ? (event) => onRowMouse(event, row.original) : undefined}
                actions={
                  rowActions ? (
                    <RowActions
                      actions={rowActions(row.original)}
                      rowLabel={getRowLabel?.(row.original) ?? row.id}
                    />
                  ) : null
                }
              />
            ))
          )}
        </ul>
      </>
    );
  }

  return (
    <section
      aria-label={caption}
      className={cn('min-w-0 rounded-lg border border-border bg-card text-foreground shadow-xs', className)}
    >
      {toolbar || filtered ? (
        <div className="flex flex-col gap-3 border-b border-border p-3">
          {toolbar ? <div className="flex flex-wrap items-center gap-2">{toolbar}</div> : null}
          {onRemoveFilter ? (
            <FilterChips filters={filters} onRemove={onRemoveFilter} onClear={onClearFilters} />
          ) : null}
        </div>
      ) : null}
      {loading && firstLoad ? (
        <p role="status" className="sr-only">
          Loading {noun}…
        </p>
      ) : null}
      {body}
      {total !== undefined && total > 0 && !(failed && data.length === 0) ? (
        <div className="border-t border-border px-4 py-3">
          <DataTablePagination
            page={page}
            pageSize={pageSize}
            total={total}
            totalIsEstimate={totalIsEstimate}
            pageSizeOptions={pageSizeOptions}
            disabled={loading}
            onChange={onChange}
          />
        </div>
      ) : null}
    </section>
  );
}
