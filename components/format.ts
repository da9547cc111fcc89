/** Dates as people read them; on the server in UTC (it does not know the reader's zone). */
export function formatDateTime(iso: string | null | undefined, options: { utc?: boolean } = {}): string {
  if (!iso) return '—';
  const text = new Date(iso).toLocaleString('en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(options.utc ? { timeZone: 'UTC' } : {}),
  });
  return options.utc ? `${text} UTC` : text;
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
