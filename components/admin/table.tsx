import type { ReactNode } from 'react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

/** A plain data table; the caption names it for screen readers. */
export function Table({
  caption,
  headers,
  children,
}: {
  caption: string;
  headers: ReactNode[];
  children: ReactNode;
}) {
  return (
    <div className="-mx-5 overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-border text-xs font-semibold tracking-wide text-muted-foreground uppercase">
          <tr>
            {headers.map((header, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: headers are a fixed list
              <th key={i} scope="col" className="px-5 py-2 whitespace-nowrap">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">{children}</tbody>
      </table>
    </div>
  );
}

export const cell = 'px-5 py-3 align-top';

/** What a list shows while it loads, when it failed, or when nothing matched. */
export function ListState({
  pending,
  error,
  empty,
  what,
}: {
  pending: boolean;
  error: unknown;
  empty: boolean;
  what: string;
}) {
  if (pending) return <p className="text-sm text-muted-foreground">Loading…</p>;
  if (error) return <Alert tone="error">The {what} could not be loaded. Reload the page to try again.</Alert>;
  if (empty) return <p className="text-sm text-muted-foreground">No {what} match.</p>;
  return null;
}

export function LoadMore({
  hasMore,
  pending,
  onClick,
  label = 'Load more',
}: {
  hasMore: boolean;
  pending: boolean;
  onClick: () => void;
  label?: string;
}) {
  if (!hasMore) return null;
  return (
    <div className="mt-4 flex justify-center">
      <Button variant="secondary" pending={pending} onClick={onClick}>
        {label}
      </Button>
    </div>
  );
}
