import 'server-only';
import { type AnyColumn, asc, desc, type SQL, sql } from 'drizzle-orm';
import {
  ANY_KEY,
  type CursorKey,
  decodeCursor,
  type SortChoice,
  TIMESTAMP_KEY,
  toPage,
  UUID_KEY,
} from '../pagination';

/** One field a list can be ordered by: the SQL it orders on and how the cursor writes and reads its key. */
export type SortField = {
  /** what ORDER BY and the keyset comparison use */
  order: SQL;
  /** the same value as text, for the cursor */
  key: SQL<string>;
  /** the check a cursor key passes before it goes into SQL */
  shape: CursorKey;
  /** the cast that turns the cursor's text back into the order's type */
  cast: 'text' | 'timestamptz' | 'bigint';
};

/** A text column in any case (`lower(name)`, as the name indexes are built). */
export const textSort = (column: AnyColumn | SQL): SortField => {
  const order = sql`lower(${column})`;
  return { order, key: order as SQL<string>, shape: ANY_KEY, cast: 'text' };
};

/** A non-null timestamp, kept to the microsecond in the cursor so no row is skipped or repeated. */
export const timeSort = (column: AnyColumn): SortField => ({
  order: sql`${column}`,
  key: sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  shape: TIMESTAMP_KEY,
  cast: 'timestamptz',
});

const COUNT_KEY: CursorKey = /^\d{1,18}$/;

/** A whole number computed per row (a count). */
export const countSort = (expression: SQL): SortField => ({
  order: expression,
  key: sql<string>`(${expression})::text`,
  shape: COUNT_KEY,
  cast: 'bigint',
});

/**
 * Keyset paging in any of a list's orders: the rows are ordered by (field, id) in the chosen
 * direction, and the cursor is the last row's (key, id). A cursor of the default order is the
 * two keys the list always wrote, so cursors handed out before sorting existed still work; a
 * cursor of another order starts with that order's name, so one used with a different sort is a
 * 400, not a page of the wrong rows.
 */
export function sortedKeyset<F extends string>(
  fields: Record<F, SortField>,
  id: AnyColumn,
  defaultSort: SortChoice<F>,
  input: { sort?: SortChoice<F>; cursor?: string },
) {
  const chosen = input.sort ?? defaultSort;
  const field = fields[chosen.field];
  const isDefault = chosen.field === defaultSort.field && chosen.direction === defaultSort.direction;
  const tag = `${chosen.field}.${chosen.direction}`;
  const shape: CursorKey[] = isDefault
    ? [field.shape, UUID_KEY]
    : [{ test: (key) => key === tag }, field.shape, UUID_KEY];
  const keys = decodeCursor(input.cursor, shape)?.slice(-2);
  const ascending = chosen.direction === 'asc';
  const after = keys
    ? sql`(${field.order}, ${id}) ${sql.raw(ascending ? '>' : '<')} (${keys[0]}::${sql.raw(field.cast)}, ${keys[1]}::uuid)`
    : undefined;
  const by = ascending ? asc : desc;
  return {
    /** the WHERE condition of the rows after the cursor, if any */
    after,
    orderBy: [by(field.order), by(id)] as [SQL, SQL],
    /** select this as `sortKey` */
    key: field.key,
    /** toPage with this order's cursor */
    page: <Row extends { sortKey: string }, Item>(
      rows: Row[],
      limit: number,
      idOf: (row: Row) => string,
      present: (row: Row) => Item,
    ) =>
      toPage(
        rows,
        limit,
        (row) => (isDefault ? [row.sortKey, idOf(row)] : [tag, row.sortKey, idOf(row)]),
        present,
      ),
  };
}

/** `count(*)` as a number, for a list's total. */
export const countColumn = sql<number>`count(*)`.mapWith(Number);
