import { Inbox } from 'lucide-react';
import type { ReactNode } from 'react';
import { NetworkError } from '../network-error';
import { Skeleton } from '../skeleton';

/** Rows of grey bars in the table's own columns while the first page loads. */
export function SkeletonRows({ columns, rows }: { columns: number; rows: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, row) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <tr key={row} className="border-b border-border last:border-0">
          {Array.from({ length: columns }, (_, column) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <td key={column} className="px-4 py-3">
              <Skeleton className={column === 0 ? 'h-4 w-40 max-w-full' : 'h-4 w-24 max-w-full'} />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

/** The stacked layout's placeholder cards. */
export function SkeletonCards({ rows }: { rows: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, row) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <li key={row} className="space-y-2 p-4">
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-3 w-1/2" />
          <Skeleton className="h-3 w-1/3" />
        </li>
      ))}
    </>
  );
}

/**
 * What an empty list says: what it is for and the first thing to do ("No locations yet. Add one
 * or import a CSV."). With filters on, the way out is clearing them.
 */
export function EmptyState({
  title,
  description,
  action,
  icon,
}: {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center gap-3 px-6 py-12 text-center">
      <span className="grid size-10 place-items-center rounded-full bg-muted text-muted-foreground">
        {icon ?? <Inbox aria-hidden="true" className="size-5" />}
      </span>
      <div className="max-w-sm space-y-1">
        <p className="text-heading">{title}</p>
        {description ? <p className="text-body text-muted-foreground">{description}</p> : null}
      </div>
      {action ? <div className="flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}

/** A failed load: it says so and offers Retry (never a spinner that goes on). */
export function LoadError({
  what,
  onRetry,
  retrying,
  offline,
}: {
  what: string;
  onRetry?: () => void;
  retrying?: boolean;
  offline?: boolean;
}) {
  return (
    <NetworkError
      className="m-4 border-0"
      title={offline ? 'The server could not be reached' : `The ${what} could not be loaded`}
      message={
        offline
          ? 'Check your connection, then try again.'
          : 'Try again; if it keeps failing, reload the page.'
      }
      onRetry={onRetry}
      retrying={retrying}
    />
  );
}
