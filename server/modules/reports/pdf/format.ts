import 'server-only';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const longMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Words that do not depend on the machine's locale or time zone (the same bytes anywhere). */
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const formatInteger = (value: number) => integer.format(value);
export const formatFixed = (value: number, digits: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    value,
  );

/** 2026-12-02T19:22:00Z -> "2 December 2026, 19:22 UTC" */
export function formatInstant(at: Date) {
  const hh = String(at.getUTCHours()).padStart(2, '0');
  const mm = String(at.getUTCMinutes()).padStart(2, '0');
  return `${formatDay(at)}, ${hh}:${mm} UTC`;
}
export const formatDay = (at: Date) =>
  `${at.getUTCDate()} ${longMonths[at.getUTCMonth()]} ${at.getUTCFullYear()}`;

/** "2026-03" -> "Mar 2026"; "2026-03-05" -> "5 Mar 2026" */
export function formatMonthOrDay(value: string, style: 'short' | 'long' = 'short') {
  const [y, m, d] = value.split('-');
  const month = (style === 'long' ? longMonths : months)[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export function formatPeriod(period: { from: string; to: string }) {
  if (period.from === period.to) return formatMonthOrDay(period.from);
  return `${formatMonthOrDay(period.from)} – ${formatMonthOrDay(period.to)}`;
}
