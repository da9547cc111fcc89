'use client';

import { ListFilter, Search, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Button } from '../button';
import { cn } from '../cn';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../dropdown-menu';
import { InputControl } from '../input';
import type { DataTableFilterChip } from './types';

/** The active filters as chips, each with its own remove button, and "Clear filters". */
export function FilterChips({
  filters,
  onRemove,
  onClear,
}: {
  filters: DataTableFilterChip[];
  onRemove: (id: string) => void;
  onClear?: () => void;
}) {
  if (filters.length === 0) return null;
  return (
    <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2">
      {filters.map((filter) => (
        <li
          key={filter.id}
          className="inline-flex max-w-full items-center gap-1 rounded-full border border-border bg-muted py-0.5 pr-0.5 pl-3 text-caption"
        >
          <span className="truncate">
            <span className="text-muted-foreground">{filter.label}:</span>{' '}
            <span className="font-medium">{filter.value}</span>
          </span>
          <button
            type="button"
            onClick={() => onRemove(filter.id)}
            aria-label={`Remove filter ${filter.label}: ${filter.value}`}
            className="focus-ring grid size-5 shrink-0 place-items-center rounded-full text-muted-foreground hover:bg-card hover:text-foreground"
          >
            <X aria-hidden="true" className="size-3.5" />
          </button>
        </li>
      ))}
      {onClear && filters.length > 1 ? (
        <li>
          <Button variant="link" size="sm" onClick={onClear}>
            Clear filters
          </Button>
        </li>
      ) : null}
    </ul>
  );
}

export type FilterOption = { value: string; label: string };

/** A "Status" button opening its choices; choosing one sets the filter, "Any" removes it. */
export function FilterMenu({
  label,
  options,
  value,
  onChange,
  anyLabel = 'Any',
}: {
  label: string;
  options: readonly FilterOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  anyLabel?: string;
}) {
  const current = options.find((option) => option.value === value);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="secondary"
          size="sm"
          className={cn(current && 'border-primary')}
          aria-label={`Filter by ${label}${current ? `: ${current.label}` : ''}`}
        >
          <ListFilter aria-hidden="true" />
          <span>
            {label}
            {current ? <span className="font-normal text-muted-foreground">: {current.label}</span> : null}
          </span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="min-w-48">
        <DropdownMenuLabel>{label}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={value ?? ''} onValueChange={(next) => onChange(next || null)}>
          <DropdownMenuRadioItem value="">{anyLabel}</DropdownMenuRadioItem>
          <DropdownMenuSeparator />
          {options.map((option) => (
            <DropdownMenuRadioItem key={option.value} value={option.value}>
              {option.label}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/**
 * The list's search box: it reports what was typed after a pause (not on every key), and
 * follows `value` when it changes from outside (a chip removed, the back button).
 */
export function TableSearch({
  value,
  onChange,
  placeholder = 'Search',
  label = 'Search',
  delay = 300,
  className,
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  label?: string;
  delay?: number;
  className?: string;
}) {
  const [draft, setDraft] = useState(value);
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => latest.current(draft.trim()), delay);
    return () => clearTimeout(timer);
  }, [draft, value, delay]);
  return (
    <div className={cn('relative w-full sm:w-72', className)}>
      <Search
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
      />
      <InputControl
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onChange(draft.trim());
        }}
        className="h-8 pl-9"
      />
    </div>
  );
}
