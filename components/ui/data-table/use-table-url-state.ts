'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import type { DataTableChange, DataTableSort } from './types';

export type TableUrlStateOptions<TFilter extends string> = {
  /** the URL keys that are filters (`?status=active&role=admin`) */
  filters?: readonly TFilter[];
  /** the order when the URL names none; it is left out of the URL */
  defaultSort?: DataTableSort;
  /** sort ids the server accepts; any other in the URL falls back to the default */
  sortable?: readonly string[];
  defaultPageSize?: number;
  pageSizes?: readonly number[];
  /**
   * `shallow` (default) rewrites the address with history.replaceState, which Next folds into
   * useSearchParams without asking the server again: for lists loaded on the client (tRPC).
   * `navigate` goes through router.replace, for a server page that reads searchParams itself.
   */
  mode?: 'shallow' | 'navigate';
};

export type TableUrlState<TFilter extends string> = {
  page: number;
  pageSize: number;
  sort: DataTableSort;
  /** the search box's text, `?q=` */
  query: string;
  filters: Partial<Record<TFilter, string>>;
  /** DataTable's onChange */
  onChange: (change: DataTableChange) => void;
  setFilter: (key: TFilter, value: string | null) => void;
  /** several filters at once (a form's Apply): each key given is set, or removed when null */
  setFilters: (values: Partial<Record<TFilter, string | null>>) => void;
  clearFilters: () => void;
  setQuery: (query: string) => void;
};

const parseSort = (raw: string | null): DataTableSort =>
  raw ? (raw.startsWith('-') ? { id: raw.slice(1), desc: true } : { id: raw, desc: false }) : null;
const formatSort = (sort: DataTableSort) => (sort ? `${sort.desc ? '-' : ''}${sort.id}` : null);
const sameSort = (a: DataTableSort, b: DataTableSort) =>
  a === b || (a !== null && b !== null && a.id === b.id && a.desc === b.desc);

/**
 * Filters, sort, page and search of a list, kept in the address (`?q=acme&status=active&sort=-created&page=2`)
 * so a view can be shared, bookmarked and reloaded. Defaults stay out of the URL; any change other
 * than the page goes back to page 1.
 */
export function useTableUrlState<TFilter extends string = never>(
  options: TableUrlStateOptions<TFilter> = {},
): TableUrlState<TFilter> {
  // Options are usually literals at the call site: compared by value, not by identity.
  const optionsKey = JSON.stringify({
    filterKeys: options.filters ?? [],
    defaultSort: options.defaultSort ?? null,
    sortable: options.sortable ?? null,
    defaultPageSize: options.defaultPageSize ?? 25,
    pageSizes: options.pageSizes ?? [10, 25, 50, 100],
  });
  const config = useMemo(
    () =>
      JSON.parse(optionsKey) as {
        filterKeys: TFilter[];
        defaultSort: DataTableSort;
        sortable: string[] | null;
        defaultPageSize: number;
        pageSizes: number[];
      },
    [optionsKey],
  );
  const mode = options.mode ?? 'shallow';
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();

  const state = useMemo(() => {
    const { filterKeys, defaultSort, sortable, defaultPageSize, pageSizes } = config;
    const pageRaw = Number.parseInt(params.get('page') ?? '', 10);
    const sizeRaw = Number.parseInt(params.get('size') ?? '', 10);
    const sortRaw = parseSort(params.get('sort'));
    const filters: Partial<Record<TFilter, string>> = {};
    for (const key of filterKeys) {
      const value = params.get(key);
      if (value) filters[key] = value;
    }
    return {
      page: Number.isSafeInteger(pageRaw) && pageRaw > 0 ? pageRaw : 1,
      pageSize: pageSizes.includes(sizeRaw) ? sizeRaw : defaultPageSize,
      sort: sortRaw && (!sortable || sortable.includes(sortRaw.id)) ? sortRaw : defaultSort,
      query: params.get('q') ?? '',
      filters,
    };
  }, [params, config]);

  const write = useCallback(
    (edit: (next: URLSearchParams) => void) => {
      const next = new URLSearchParams(params.toString());
      edit(next);
      const search = next.toString();
      const url = `${pathname}${search ? `?${search}` : ''}`;
      if (mode === 'navigate') router.replace(url, { scroll: false });
      else window.history.replaceState(null, '', url);
    },
    [params, pathname, router, mode],
  );

  const onChange = useCallback(
    (change: DataTableChange) =>
      write((next) => {
        const { defaultSort, defaultPageSize } = config;
        const resets = change.sort !== undefined || change.pageSize !== undefined;
        if (change.sort !== undefined) {
          const value = sameSort(change.sort, defaultSort) ? null : formatSort(change.sort);
          // "no sort" from a header means the default order, which the URL says by saying nothing
          if (value) next.set('sort', value);
          else next.delete('sort');
        }
        if (change.pageSize !== undefined) {
          if (change.pageSize === defaultPageSize) next.delete('size');
          else next.set('size', String(change.pageSize));
        }
        const page = change.page ?? (resets ? 1 : undefined);
        if (page !== undefined) {
          if (page <= 1) next.delete('page');
          else next.set('page', String(page));
        }
      }),
    [write, config],
  );

  const setFilter = useCallback(
    (key: TFilter, value: string | null) =>
      write((next) => {
        if (value) next.set(key, value);
        else next.delete(key);
        next.delete('page');
      }),
    [write],
  );

  const setFilters = useCallback(
    (values: Partial<Record<TFilter, string | null>>) =>
      write((next) => {
        for (const [key, value] of Object.entries(values) as [TFilter, string | null | undefined][]) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        next.delete('page');
      }),
    [write],
  );

  const clearFilters = useCallback(
    () =>
      write((next) => {
        for (const key of config.filterKeys) next.delete(key);
        next.delete('q');
        next.delete('page');
      }),
    [write, config],
  );

  const setQuery = useCallback(
    (query: string) =>
      write((next) => {
        if (query) next.set('q', query);
        else next.delete('q');
        next.delete('page');
      }),
    [write],
  );

  return { ...state, onChange, setFilter, setFilters, clearFilters, setQuery };
}

/** What a server-paged list's query gives the table: its page's total, and its state. */
type PageQuery = {
  data?: { total: number; totalIsEstimate?: boolean };
  isFetching: boolean;
  error: unknown;
  refetch: () => unknown;
};

/**
 * The DataTable props every server-paged list passes the same way: page, size and sort from the
 * URL, total, loading and failure from the query, Retry as a refetch.
 */
export function pagedTableProps(
  url: Pick<TableUrlState<string>, 'page' | 'pageSize' | 'sort' | 'onChange'>,
  query: PageQuery,
) {
  return {
    total: query.data?.total,
    totalIsEstimate: query.data?.totalIsEstimate,
    page: url.page,
    pageSize: url.pageSize,
    sort: url.sort,
    onChange: url.onChange,
    loading: query.isFetching,
    error: query.error,
    onRetry: () => void query.refetch(),
  };
}
