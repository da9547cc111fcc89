'use client';

import { useMemo, useState } from 'react';
import type { DataTableChange, DataTableSort } from './types';

const collator = new Intl.Collator('en-US', { sensitivity: 'base', numeric: true });

/**
 * A DataTable over rows already in hand (an organization's profiles and members come with it):
 * sorted and paged here instead of by the server, with the same props the server lists pass
 * (`{...useLocalRows(rows, …)}`). `sortValues` names the sortable columns by id.
 */
export function useLocalRows<TData>(
  rows: readonly TData[],
  {
    sortValues,
    initialSort = null,
    pageSize: initialPageSize = 25,
  }: {
    sortValues: Record<string, (row: TData) => string | number>;
    initialSort?: DataTableSort;
    pageSize?: number;
  },
) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const [sort, setSort] = useState<DataTableSort>(initialSort);
  const sorted = useMemo(() => {
    const value = sort ? sortValues[sort.id] : undefined;
    if (!sort || !value) return [...rows];
    const direction = sort.desc ? -1 : 1;
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      return (
        direction *
        (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(`${x}`, `${y}`))
      );
    });
  }, [rows, sort, sortValues]);
  const lastPage = Math.max(1, Math.ceil(sorted.length / pageSize));
  const current = Math.min(page, lastPage);
  return {
    rows: sorted.slice((current - 1) * pageSize, current * pageSize),
    total: sorted.length,
    page: current,
    pageSize,
    sort,
    onChange: (change: DataTableChange) => {
      if (change.sort !== undefined) {
        setSort(change.sort);
        setPage(1);
      }
      if (change.pageSize !== undefined) {
        setPageSize(change.pageSize);
        setPage(1);
      }
      if (change.page !== undefined) setPage(change.page);
    },
  };
}
