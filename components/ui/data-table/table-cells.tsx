'use client';

import { type Cell, FlexRender, type Header, type RowData } from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';
import Link from 'next/link';
import { cn } from '../cn';
import type { DataTableFeatures } from './types';

/** A column header: a sort button when the column sorts, aria-sort on the cell. */
export function HeaderCell<TData extends RowData>({ header }: { header: Header<DataTableFeatures, TData> }) {
  const { column } = header;
  const meta = column.columnDef.meta;
  const sorted = column.getIsSorted();
  const content = header.isPlaceholder ? null : <FlexRender header={header} />;
  return (
    <th
      scope="col"
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
      className={cn(
        'h-10 px-4 text-caption font-medium whitespace-nowrap text-muted-foreground',
        meta?.align === 'right' && 'text-right',
        meta?.className,
      )}
    >
      {column.getCanSort() ? (
        <button
          type="button"
          onClick={column.getToggleSortingHandler()}
          className={cn(
            'focus-ring -mx-1.5 inline-flex items-center gap-1 rounded-sm px-1.5 py-1 hover:bg-muted hover:text-foreground',
            sorted && 'text-foreground',
            meta?.align === 'right' && 'flex-row-reverse',
          )}
        >
          {content}
          {sorted === 'asc' ? (
            <ArrowUp aria-hidden="true" className="size-3.5" />
          ) : sorted === 'desc' ? (
            <ArrowDown aria-hidden="true" className="size-3.5" />
          ) : (
            <ChevronsUpDown aria-hidden="true" className="size-3.5 opacity-50" />
          )}
        </button>
      ) : (
        content
      )}
    </th>
  );
}

/** A cell; the primary one links to the record. */
export function BodyCell<TData extends RowData>({
  cell,
  href,
}: {
  cell: Cell<DataTableFeatures, TData>;
  href?: string;
}) {
  const meta = cell.column.columnDef.meta;
  const content = <FlexRender cell={cell} />;
  return (
    <td
      className={cn(
        'px-4 py-3 align-middle',
        meta?.align === 'right' && 'text-right tabular-nums',
        meta?.className,
      )}
    >
      {meta?.primary && href ? (
        <Link href={href} className="focus-ring rounded-sm font-medium text-foreground hover:underline">
          {content}
        </Link>
      ) : (
        content
      )}
    </td>
  );
}
