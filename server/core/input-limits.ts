import { AppError } from './errors';

/** How deep a request's JSON may nest: far beyond any schema here, far below any stack. */
export const MAX_JSON_DEPTH = 32;

const tooDeep = () =>
  new AppError('VALIDATION_FAILED', `The body nests deeper than ${MAX_JSON_DEPTH} levels.`, {
    errors: [{ path: '(body)', message: `nests deeper than ${MAX_JSON_DEPTH} levels` }],
  });

/**
 * Refuses JSON text nesting beyond MAX_JSON_DEPTH before it is parsed: one pass over the
 * characters, skipping strings, so nothing recursive ever sees a hostile body.
 */
export function assertJsonTextDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // backslash: the next character is escaped
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) throw tooDeep();
    } else if (char === 0x7d || char === 0x5d) depth--;
  }
}

/**
 * The path of the first string holding a NUL character (PostgreSQL cannot store one in text),
 * walking with an explicit stack: an input nested beyond MAX_JSON_DEPTH is refused, not recursed.
 */
export function findNulPath(input: unknown): string | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, path } = item;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path.join('.') || '(body)';
    } else if (value !== null && typeof value === 'object') {
      if (path.length >= MAX_JSON_DEPTH) throw tooDeep();
      const entries = Object.entries(value);
      // pushed in reverse, so the first NUL in document order is the one named
      for (let i = entries.length - 1; i >= 0; i--)
        stack.push({ value: entries[i]![1], path: [...path, entries[i]![0]] });
    }
  }
  return undefined;
}

/** Years a date in a request may name: PostgreSQL takes far more, but nothing here lies outside. */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 9999;
/** The widest UTC offset in use (Kiribati, +14:00); PostgreSQL refuses beyond ±15:59. */
const MAX_OFFSET_MINUTES = 14 * 60;

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2})?)$/i;

/**
 * An ISO-8601 date-time PostgreSQL accepts as it reads: a real calendar day and time, a year in
 * MIN_YEAR..MAX_YEAR, an offset of at most ±14:00. (Year 0000 or +23:59 are database errors.)
 */
export function isSaneDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < MIN_YEAR || year > MAX_YEAR || hour > 23 || minute > 59 || second > 59) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  const offset = Number(m[9] ?? 0) * 60 + Number(m[10] ?? 0);
  return Number(m[10] ?? 0) < 60 && offset <= MAX_OFFSET_MINUTES;
}
