'use client';

import { formatDateTime, formatRelative } from './format';
import { useHydrated } from './ui/form';

/**
 * Dates in the reader's zone, zone shown, once in the browser; in UTC (labelled) in the server's
 * HTML, so the first render matches whatever zone the server runs in and hydration does not trip.
 */
export function useFormatDate() {
  const hydrated = useHydrated();
  return (iso: string | null | undefined) => formatDateTime(iso, { utc: !hydrated });
}

/**
 * A point in time. `relative` (lists): "5 minutes ago", with the full date and zone as its
 * tooltip and machine-readable datetime; the full date in the server's HTML until hydration.
 */
export function Time({ iso, relative = false }: { iso: string | null | undefined; relative?: boolean }) {
  const hydrated = useHydrated();
  if (!iso) return <>—</>;
  const full = formatDateTime(iso, { utc: !hydrated });
  if (!relative || !hydrated) return <time dateTime={iso}>{full}</time>;
  return (
    <time dateTime={iso} title={full}>
      {formatRelative(iso, Date.now())}
    </time>
  );
}
