'use client';

import { formatDateTime } from '../format';
import { useHydrated } from '../ui/form';

/**
 * Dates in the reader's zone once in the browser; in UTC (labelled) in the server's HTML, so the
 * first render matches whatever zone the server runs in and hydration does not trip over it.
 */
export function useFormatDate() {
  const hydrated = useHydrated();
  return (iso: string | null | undefined) => formatDateTime(iso, { utc: !hydrated });
}

export function Time({ iso }: { iso: string | null | undefined }) {
  const format = useFormatDate();
  return iso ? <time dateTime={iso}>{format(iso)}</time> : <>—</>;
}
