import 'server-only';
import { sql } from 'drizzle-orm';
import { ANY_KEY, decodeCursor, UUID_KEY } from '../pagination';

/**
 * A LIKE pattern matching `text` anywhere, case-insensitively when compared with lower(column).
 * `%`, `_` and the escape character itself are escaped, so a search for "a_b" does not match "axb".
 */
const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

/** `lower(column) like pattern`, with the escape character spelled out rather than left to the default. */
export const containsText = (column: unknown, text: string) =>
  sql`lower(${column}) like ${containsPattern(text)} escape '\\'`;

/** The cursor of a list sorted by (a text key, id). */
export const decodeTextIdCursor = (cursor: string | undefined) =>
  decodeCursor(cursor, [ANY_KEY, UUID_KEY]) as [string, string] | undefined;

/** `(lower(textColumn), id) > (key, id)`: the rows after the cursor in the list's order. */
export const afterTextId = (textColumn: unknown, idColumn: unknown, cursor: [string, string]) =>
  sql`(lower(${textColumn}), ${idColumn}) > (${cursor[0]}, ${cursor[1]}::uuid)`;
