import { sql } from 'drizzle-orm';
import { AppError } from '../../errors';
import { decodeCursor } from '../../pagination';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A LIKE pattern matching `text` anywhere, case-insensitively when compared with lower(column).
 * `%`, `_` and the escape character itself are escaped, so a search for "a_b" does not match "axb".
 */
export const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

/** `lower(column) like pattern`, with the escape character spelled out rather than left to the default. */
export const containsText = (column: unknown, text: string) =>
  sql`lower(${column}) like ${containsPattern(text)} escape '\\'`;

/**
 * The cursor of a list sorted by (a text key, id). The id is cast to uuid in SQL, so a cursor that
 * does not hold one is a 400 here rather than a database error.
 */
export function decodeTextIdCursor(cursor: string | undefined): [string, string] | undefined {
  const values = decodeCursor(cursor);
  if (values === undefined) return undefined;
  const [key, id] = values;
  if (values.length !== 2 || key === undefined || id === undefined || !UUID.test(id))
    throw new AppError('VALIDATION_FAILED', 'cursor is not one this API returned.', {
      errors: [{ path: 'cursor', message: 'is not a cursor this API returned' }],
    });
  return [key, id];
}

/** `(lower(textColumn), id) > (key, id)`: the rows after the cursor in the list's order. */
export const afterTextId = (textColumn: unknown, idColumn: unknown, cursor: [string, string]) =>
  sql`(lower(${textColumn}), ${idColumn}) > (${cursor[0]}, ${cursor[1]}::uuid)`;
