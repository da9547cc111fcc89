import 'server-only';
import type { Db } from '@/db/client';
import { findLocationConflicts } from '../services/location-records';
import { csvRowToLocation, type LocationCreate } from './csv-format';
import { readLocationCsv } from './read-csv';
import type { LocationImportRowError } from './schemas';

/** A row that passed every check, with the line it came from (for errors found at insert time). */
export type ImportRow = { line: number; value: LocationCreate };

export type CsvValidation = { rows: ImportRow[]; errors: LocationImportRowError[]; totalRows: number };

/** How often a job writes its progress: each write is one short UPDATE. */
export const PROGRESS_EVERY = 1000;
/** The data rows of a file (a first, cheap pass, so a job can show `processedRows / totalRows`). */
export async function countCsvRows(source: Buffer): Promise<number> {
  let rows = 0;
  for await (const _ of readLocationCsv(source)) rows++;
  return rows;
}

/**
 * Validates every row of the file for this profile, outside any transaction: each row as a create
 * input, then names and codes unique within the file and against the profile's existing
 * locations (one query for the whole file). Collects every bad row (never stops at the first); file-level problems (header,
 * size, unreadable CSV) throw. `onProgress` is told the rows validated so far, every
 * PROGRESS_EVERY rows.
 */
export async function validateLocationCsv(
  db: Db,
  profileId: string,
  source: Buffer,
  onProgress?: (processedRows: number) => Promise<void>,
): Promise<CsvValidation> {
  const rows: ImportRow[] = [];
  const errors: LocationImportRowError[] = [];
  let totalRows = 0;
  for await (const record of readLocationCsv(source)) {
    totalRows++;
    if ('error' in record) errors.push(record.error);
    else {
      const result = csvRowToLocation(profileId, record.cells);
      if (result.ok) rows.push({ line: record.line, value: result.value });
      else errors.push(...result.errors.map((e) => ({ line: record.line, ...e })));
    }
    if (onProgress && totalRows % PROGRESS_EVERY === 0) await onProgress(totalRows);
  }
  errors.push(...(await nameAndCodeConflicts(db, profileId, rows)));
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors, totalRows };
}

/**
 * The rows whose name (any case) or code repeats an earlier row of the file or a location the
 * profile already has (findLocationConflicts, shared with the single create): the validation
 * asks, and the import's transaction asks again right before inserting.
 */
export async function nameAndCodeConflicts(
  db: Db,
  profileId: string,
  rows: readonly ImportRow[],
): Promise<LocationImportRowError[]> {
  const conflicts = await findLocationConflicts(
    db,
    profileId,
    rows.map((r) => r.value),
  );
  return conflicts.map(({ index, path, message }) => ({ line: rows[index]!.line, path, message }));
}
