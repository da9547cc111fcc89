/**
 * Dates as people read them, with the zone they are in ("Dec 2, 2026, 9:05 AM EST"); on the
 * server in UTC (it does not know the reader's zone).
 */
export function formatDateTime(
  iso: string | null | undefined,
  options: { utc?: boolean; timeZone?: string } = {},
): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone: options.utc ? 'UTC' : options.timeZone,
  });
}

const relativeUnits: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];
const relativeFormat = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

/** "just now", "5 minutes ago", "yesterday", "in 3 days": for lists, with the full date in a tooltip. */
export function formatRelative(iso: string, now: number): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size] of relativeUnits)
    if (Math.abs(seconds) >= size || unit === 'minute')
      return relativeFormat.format(Math.round(seconds / size), unit);
  return 'just now';
}

const browsers: [string, RegExp][] = [
  ['Edge', /Edg\//],
  ['Opera', /OPR\//],
  ['Chrome', /Chrome\/|Chromium\//],
  ['Firefox', /Firefox\//],
  ['Safari', /Safari\//],
  ['curl', /^curl\//],
];
const systems: [string, RegExp][] = [
  ['Windows', /Windows/],
  ['Android', /Android/],
  ['iOS', /iPhone|iPad/],
  ['macOS', /Mac OS X|Macintosh/],
  ['Linux', /Linux/],
];
const firstMatch = (list: [string, RegExp][], text: string) =>
  list.find(([, pattern]) => pattern.test(text))?.[0];

/** "Chrome on Linux" from a user agent; enough to tell one's own devices apart. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser = firstMatch(browsers, userAgent);
  const os = firstMatch(systems, userAgent);
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? userAgent.slice(0, 60);
}

const counts = new Intl.NumberFormat('en-US');

/** A count with thousands separators ("1,000"). */
export const formatNumber = (value: number) => counts.format(value);
