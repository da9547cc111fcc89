import 'server-only';
import { sql } from 'drizzle-orm';

/**
 * A LIKE pattern matching `text` anywhere, case-insensitively when compared with lower(column).
 * `%`, `_` and the escape character itself are escaped, so a search for "a_b" does not match "axb".
 */
const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

/** `lower(column) like pattern`, with the escape character spelled out rather than left to the default. */
export const containsText = (column: unknown, text: string) =>
  sql`lower(${column}) like ${containsPattern(text)} escape '\\'`;
