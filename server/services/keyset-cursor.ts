import { AppError } from '../errors';
import { decodeCursor } from '../pagination';

export const UUID_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A timestamp as the audit query writes it into its cursor: microseconds, so no row is skipped. */
export const TIMESTAMP_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
export const ANY_KEY = /^[\s\S]*$/;

/**
 * decodeCursor plus a check of each key's shape: the keys go into SQL casts (::uuid,
 * ::timestamptz), and a forged cursor must be the same 400 as a garbled one, never a 500.
 */
export function decodeKeysetCursor(cursor: string | undefined, shape: readonly RegExp[]) {
  const keys = decodeCursor(cursor);
  if (keys === undefined) return undefined;
  if (keys.length === shape.length && keys.every((key, i) => shape[i]!.test(key))) return keys;
  throw new AppError('VALIDATION_FAILED', 'cursor is not one this API returned.', {
    errors: [{ path: 'cursor', message: 'is not a cursor this API returned' }],
  });
}
