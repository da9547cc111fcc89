import { z } from 'zod';
import { AppError } from './errors';

/** `limit` and `cursor` of every list body (REST.md "Lists"). */
export const pageInput = {
  limit: z.number().int().min(1).max(200).optional().describe('1..200, default 50'),
  cursor: z.string().max(1024).optional().describe('nextCursor of the previous page'),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const DEFAULT_LIMIT = 50;

/**
 * Keyset pagination: the cursor is the sort key of the last row sent (opaque base64url JSON), so
 * a page is one index range scan however deep the caller goes.
 */
export function decodeCursor(cursor: string | undefined): string[] | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.every((v) => typeof v === 'string')) return values;
  } catch {
    // falls through to the same 400 as any other malformed cursor
  }
  throw new AppError('VALIDATION_FAILED', 'cursor is not one this API returned.', {
    errors: [{ path: 'cursor', message: 'is not a cursor this API returned' }],
  });
}

export const encodeCursor = (values: string[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

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
