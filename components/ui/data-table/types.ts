import {
  type ColumnHelper,
  createColumnHelper,
  metaHelper,
  type RowData,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { ReactNode } from 'react';

/** How a column shows beyond its header and cell. */
export type DataTableColumnMeta = {
  /** the field's name in the stacked (phone) layout; defaults to the header when it is a string */
  label?: string;
  /** the row's title in the stacked layout (one column per table: the name, the email) */
  primary?: boolean;
  /** numbers and quantities line up on the right */
  align?: 'left' | 'right';
  /** left out of the stacked layout (a detail a phone can do without) */
  hideWhenStacked?: boolean;
  /** classes for this column's cells (a width, nowrap) */
  className?: string;
};

// Sorting only: rows arrive already sorted, filtered and paged by the server.
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

/** The columns of a DataTable, built with createDataTableColumns<Row>(). */
export type DataTableColumns<TData extends RowData> = ReturnType<
  ColumnHelper<DataTableFeatures, TData>['columns']
>;

/**
 * The column helper for a DataTable's row type:
 *   const col = createDataTableColumns<User>();
 *   const columns = col.columns([col.accessor('email', { header: 'Email', meta: { primary: true } })]);
 */
export const createDataTableColumns = <TData extends RowData>() =>
  createColumnHelper<DataTableFeatures, TData>();

/** The server's sort: one column, or null for the list's default order. */
export type DataTableSort = { id: string; desc: boolean } | null;

/** An active filter, shown as a removable chip ("Status: Active"). */
export type DataTableFilterChip = { id: string; label: string; value: string };

/** An action in a row's menu; `href` makes it a link, `onSelect` a button. */
export type DataTableRowAction = {
  label: string;
  icon?: ReactNode;
  onSelect?: () => void;
  href?: string;
  destructive?: boolean;
  disabled?: boolean;
  /** a line above this action, to set apart the destructive ones */
  separatorBefore?: boolean;
};

/** What a table may ask to change; page is 1-based. */
export type DataTableChange = { page?: number; pageSize?: number; sort?: DataTableSort };
