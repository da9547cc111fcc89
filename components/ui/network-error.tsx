'use client';

import { RefreshCw, WifiOff } from 'lucide-react';
import { useSyncExternalStore } from 'react';
import { Button } from './button';
import { cn } from './cn';

/**
 * Whether a failure is the network's (no answer at all) rather than the server's refusal: fetch
 * rejects with a TypeError, which tRPC's client error carries as its cause.
 */
export function isNetworkError(error: unknown): boolean {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return true;
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if (current instanceof TypeError) return true;
    if (current instanceof DOMException && (current.name === 'AbortError' || current.name === 'TimeoutError'))
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const subscribe = (listener: () => void) => {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
};

/** false while the browser knows it is offline; true on the server and whenever it may be online. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}

/**
 * What a failed load or save shows instead of a spinner that never ends: what happened, that
 * nothing was lost, and Retry.
 */
export function NetworkError({
  title = 'The server could not be reached',
  message = 'Check your connection, then try again.',
  onRetry,
  retrying = false,
  retryLabel = 'Retry',
  compact = false,
  className,
}: {
  title?: string;
  message?: string;
  onRetry?: () => void;
  retrying?: boolean;
  retryLabel?: string;
  /** one line (inside a table, beside a button) instead of a block */
  compact?: boolean;
  className?: string;
}) {
  if (compact) {
    return (
      <div
        role="alert"
        className={cn('flex flex-wrap items-center gap-2 text-body text-danger-fg', className)}
      >
        <WifiOff aria-hidden="true" className="size-4 shrink-0" />
        <span>{title}.</span>
        {onRetry ? (
          <Button variant="link" size="sm" onClick={onRetry} pending={retrying}>
            {retryLabel}
          </Button>
        ) : null}
      </div>
    );
  }
  return (
    <div
      role="alert"
      className={cn(
        'flex flex-col items-center gap-3 rounded-lg border border-dashed border-danger-border bg-danger-bg/40 px-6 py-8 text-center',
        className,
      )}
    >
      <span className="grid size-10 place-items-center rounded-full bg-danger-bg text-danger-fg">
        <WifiOff aria-hidden="true" className="size-5" />
      </span>
      <div className="space-y-1">
        <p className="text-heading">{title}</p>
        <p className="text-body text-muted-foreground">{message}</p>
      </div>
      {onRetry ? (
        <Button variant="secondary" onClick={onRetry} pending={retrying}>
          {retrying ? null : <RefreshCw aria-hidden="true" />}
          {retryLabel}
        </Button>
      ) : null}
    </div>
  );
}
