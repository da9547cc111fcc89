import { z } from 'zod';
import { AppError } from './errors';
import { isSaneDateTime } from './input-limits';

/** `limit` and `cursor` of every list body (REST.md "Lists"). */
export const pageInput = {
  limit: z.number().int().min(1).max(200).optional().describe('1..200, default 50'),
  cursor: z.string().max(1024).optional().describe('nextCursor of the previous page'),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const DEFAULT_LIMIT = 50;

/** What a cursor key must be to go into SQL: a regular expression passes, or a check of its own. */
export type CursorKey = { test(key: string): boolean };

export const UUID_KEY: CursorKey = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * A timestamp as a query writes it into its cursor (microseconds, so no row is skipped), and one
 * PostgreSQL takes: `0000-13-45T25:61:61` has the shape but is a database error.
 */
export const TIMESTAMP_KEY: CursorKey = {
  test: (key) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(key) && isSaneDateTime(key),
};
/** Any text PostgreSQL can hold, which excludes NUL. */
export const ANY_KEY: CursorKey = { test: (key) => !key.includes('\u0000') };

const badCursor = () =>
  new AppError('VALIDATION_FAILED', 'cursor is not one this API returned.', {
    errors: [{ path: 'cursor', message: 'is not a cursor this API returned' }],
  });

/**
 * Keyset pagination: the cursor is the sort key of the last row sent (opaque base64url JSON), so
 * a page is one index range scan however deep the caller goes. Each key is checked against its
 * shape, because keys go into SQL casts (::uuid, ::timestamptz): a forged cursor is the same 400
 * as a garbled one, never a 500.
 */
export function decodeCursor(cursor: string | undefined, shape: readonly CursorKey[]): string[] | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let keys: unknown;
  try {
    keys = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (
    Array.isArray(keys) &&
    keys.length === shape.length &&
    keys.every((key, i) => typeof key === 'string' && shape[i]!.test(key))
  )
    return keys;
  throw badCursor();
}

const encodeCursor = (values: string[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

/** Cuts the `limit + 1` rows a query fetched into a page and the cursor of the next one. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => string[],
  present: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return {
    items: kept.map(present),
    nextCursor: more ? encodeCursor(keyOf(kept[kept.length - 1]!)) : null,
  };
}

/**
 * The optional order of a list: `{ field, direction }`, the field one of the list's own set (a field
 * outside it is a 400 naming the allowed ones). Without it, the list's documented default order.
 */
export const sortInput = <F extends string>(fields: readonly [F, ...F[]], defaultOrder: string) =>
  z
    .strictObject({
      field: z.enum(fields, { error: `must be one of: ${fields.join(', ')}` }),
      direction: z.enum(['asc', 'desc'], { error: 'must be asc or desc' }),
    })
    .optional()
    .describe(`order of the list; default ${defaultOrder}`);

/**
 * Rows skipped before the page, for screens that jump to page N. The cursor stays the way to walk a
 * long list (an offset is a scan of the rows it skips, hence the bound); both together skip after
 * the cursor.
 */
export const offsetInput = z
  .number()
  .int()
  .min(0)
  .max(10_000)
  .optional()
  .describe('0..10000 rows to skip (page-based screens); prefer cursor to walk a list');

/** A page of a list that also says how many rows its filters match. */
export const countedPageOf = <T extends z.ZodType>(item: T) =>
  pageOf(item).extend({ total: z.number().int().describe('rows matching the filters, all pages') });

export type SortDirection = 'asc' | 'desc';
export type SortChoice<F extends string = string> = { field: F; direction: SortDirection };
