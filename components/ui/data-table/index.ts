export { DataTable, type DataTableProps } from './data-table';
export { type FilterBarMenu, type FilterBarSearch, filterBarProps } from './filter-bar';
export { FilterChips, FilterMenu, type FilterOption, TableSearch } from './filters';
export { useLocalRows } from './local-rows';
export { DataTablePagination, rangeText } from './pagination';
export { RowActions } from './row-actions';
export { EmptyState, LoadError } from './states';
export {
  createDataTableColumns,
  type DataTableChange,
  type DataTableColumnMeta,
  type DataTableColumns,
  type DataTableFilterChip,
  type DataTableRowAction,
  type DataTableSort,
} from './types';
export {
  pagedTableProps,
  type TableUrlState,
  type TableUrlStateOptions,
  useTableUrlState,
} from './use-table-url-state';
