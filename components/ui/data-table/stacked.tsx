'use client';

import { type Cell, FlexRender, type Header, type RowData } from '@tanstack/react-table';
import Link from 'next/link';
import { type MouseEvent, type ReactNode, useId } from 'react';
import { cn } from '../cn';
import { NativeSelect } from '../select';
import type { DataTableFeatures, DataTableSort } from './types';

// The layout below 640 px: each row a card, its title the primary column, the rest label: value.

export function StackedRow<TData extends RowData>({
  cells,
  href,
  onClick,
  actions,
}: {
  cells: Cell<DataTableFeatures, TData>[];
  href?: string;
  onClick?: (event: MouseEvent) => void;
  actions: ReactNode;
}) {
  const primary = cells.find((cell) => cell.column.columnDef.meta?.primary) ?? cells[0];
  const rest = cells.filter((cell) => cell !== primary && !cell.column.columnDef.meta?.hideWhenStacked);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard opens the record through its link
    <li
      onClick={onClick}
      className={cn('space-y-2 px-4 py-3', onClick && 'cursor-pointer active:bg-muted/50')}
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0 flex-1 text-body font-medium break-words">
          {primary ? (
            href ? (
              <Link href={href} className="focus-ring rounded-sm hover:underline">
                <FlexRender cell={primary} />
              </Link>
            ) : (
              <FlexRender cell={primary} />
            )
          ) : null}
        </div>
        {actions ? <div className="-my-1 shrink-0">{actions}</div> : null}
      </div>
      {rest.length ? (
        <dl className="grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-4 gap-y-1 text-body">
          {rest.map((cell) => (
            <div key={cell.id} className="contents">
              <dt className="text-muted-foreground">{stackedLabel(cell)}</dt>
              <dd className="min-w-0 break-words">
                <FlexRender cell={cell} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}

/** The stacked layout has no headers to click: its sort is a select above the cards. */
export function StackedSort<TData extends RowData>({
  headers,
  sort,
  onChange,
}: {
  headers: Header<DataTableFeatures, TData>[];
  sort: DataTableSort;
  onChange: (sort: DataTableSort) => void;
}) {
  const id = useId();
  const sortable = headers.filter((header) => header.column.getCanSort());
  if (sortable.length === 0) return null;
  const value = sort ? `${sort.desc ? '-' : ''}${sort.id}` : '';
  return (
    <div className="flex items-center gap-2 border-b border-border px-4 py-2 text-body sm:hidden">
      <label htmlFor={id} className="shrink-0 text-muted-foreground">
        Sort by
      </label>
      <NativeSelect
        id={id}
        value={value}
        onChange={(event) => {
          const raw = event.target.value;
          onChange(raw ? { id: raw.replace(/^-/, ''), desc: raw.startsWith('-') } : null);
        }}
        className="h-8"
        wrapperClassName="min-w-0 flex-1"
      >
        {sort ? null : <option value="">Default order</option>}
        {sortable.flatMap((header) => {
          const label =
            header.column.columnDef.meta?.label ?? String(header.column.columnDef.header ?? header.id);
          return [
            <option key={header.id} value={header.id}>
              {label}, ascending
            </option>,
            <option key={`-${header.id}`} value={`-${header.id}`}>
              {label}, descending
            </option>,
          ];
        })}
      </NativeSelect>
    </div>
  );
}

function stackedLabel<TData extends RowData>(cell: Cell<DataTableFeatures, TData>): string {
  const def = cell.column.columnDef;
  return def.meta?.label ?? (typeof def.header === 'string' ? def.header : cell.column.id);
}
