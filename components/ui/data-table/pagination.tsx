'use client';

import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from 'lucide-react';
import { useId } from 'react';
import { Button } from '../button';
import { NativeSelect } from '../select';

const number = new Intl.NumberFormat('en-US');

/** "1–25 of 132": the rows shown and the total; "about" when the server gives an estimate. */
export function rangeText(page: number, pageSize: number, total: number, estimate = false): string {
  if (total === 0) return 'No results';
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return `${number.format(first)}–${number.format(last)} of ${estimate ? 'about ' : ''}${number.format(total)}`;
}

export function DataTablePagination({
  page,
  pageSize,
  total,
  totalIsEstimate = false,
  pageSizeOptions = [10, 25, 50, 100],
  onChange,
  disabled = false,
}: {
  page: number;
  pageSize: number;
  total: number;
  totalIsEstimate?: boolean;
  pageSizeOptions?: number[];
  onChange: (change: { page?: number; pageSize?: number }) => void;
  disabled?: boolean;
}) {
  const sizeId = useId();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const atStart = page <= 1;
  const atEnd = page >= pages;
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-body">
      <p className="text-muted-foreground tabular-nums" aria-live="polite">
        {rangeText(page, pageSize, total, totalIsEstimate)}
      </p>
      <div className="flex items-center gap-4">
        <div className="hidden items-center gap-2 text-muted-foreground sm:flex">
          <label htmlFor={sizeId}>Rows per page</label>
          <NativeSelect
            id={sizeId}
            value={pageSize}
            disabled={disabled}
            onChange={(event) => onChange({ pageSize: Number(event.target.value), page: 1 })}
            className="h-8 w-20"
          >
            {pageSizeOptions.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </NativeSelect>
        </div>
        <span className="text-muted-foreground tabular-nums">
          Page {number.format(Math.min(page, pages))} of {totalIsEstimate ? 'about ' : ''}
          {number.format(pages)}
        </span>
        <div className="flex items-center gap-1">
          <Button
            variant="secondary"
            size="icon-sm"
            className="hidden sm:inline-flex"
            aria-label="First page"
            disabled={disabled || atStart}
            onClick={() => onChange({ page: 1 })}
          >
            <ChevronsLeft aria-hidden="true" />
          </Button>
          <Button
            variant="secondary"
            size="icon-sm"
            aria-label="Previous page"
            disabled={disabled || atStart}
            onClick={() => onChange({ page: page - 1 })}
          >
            <ChevronLeft aria-hidden="true" />
          </Button>
          <Button
            variant="secondary"
            size="icon-sm"
            aria-label="Next page"
            disabled={disabled || atEnd}
            onClick={() => onChange({ page: page + 1 })}
          >
            <ChevronRight aria-hidden="true" />
          </Button>
          <Button
            variant="secondary"
            size="icon-sm"
            className="hidden sm:inline-flex"
            aria-label="Last page"
            disabled={disabled || atEnd || totalIsEstimate}
            onClick={() => onChange({ page: pages })}
          >
            <ChevronsRight aria-hidden="true" />
          </Button>
        </div>
      </div>
    </nav>
  );
}
