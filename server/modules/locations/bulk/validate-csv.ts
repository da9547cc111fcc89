import 'server-only';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { businessLocations } from '@/db/schema';
import { csvRowToLocation, type LocationCreate } from './csv-format';
import { readLocationCsv } from './read-csv';
import type { LocationImportRowError } from './schemas';

/** A row that passed every check, with the line it came from (for errors found at insert time). */
export type ImportRow = { line: number; value: LocationCreate };

export type CsvValidation = { rows: ImportRow[]; errors: LocationImportRowError[]; totalRows: number };

/** How often a job writes its progress: each write is one short UPDATE. */
export const PROGRESS_EVERY = 1000;
/** Names and codes per lookup of existing locations (bound parameters stay far below the limit). */
const LOOKUP_BATCH = 5000;

/** The unique keys of a location within its profile, as the unique indexes compare them. */
export const nameKey = (name: string) => name.toLowerCase();

/** The data rows of a file (a first, cheap pass, so a job can show `processedRows / totalRows`). */
export async function countCsvRows(source: Buffer): Promise<number> {
  let rows = 0;
  for await (const _ of readLocationCsv(source)) rows++;
  return rows;
}

/**
 * Validates every row of the file for this profile, outside any transaction: each row as a create
 * input, then names and codes unique within the file and against the profile's existing
 * locations. Collects every bad row (never stops at the first); file-level problems (header,
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
  const names = new Map<string, number>();
  const codes = new Map<string, number>();
  let totalRows = 0;
  for await (const record of readLocationCsv(source)) {
    totalRows++;
    if ('error' in record) errors.push(record.error);
    else {
      const result = csvRowToLocation(profileId, record.cells);
      if (!result.ok) errors.push(...result.errors.map((e) => ({ line: record.line, ...e })));
      else {
        const before = errors.length;
        const name = nameKey(result.value.name);
        const firstName = names.get(name);
        if (firstName !== undefined)
          errors.push({ line: record.line, path: 'name', message: `is the name of line ${firstName} too` });
        else names.set(name, record.line);
        const code = result.value.code;
        if (code) {
          const firstCode = codes.get(code);
          if (firstCode !== undefined)
            errors.push({ line: record.line, path: 'code', message: `is the code of line ${firstCode} too` });
          else codes.set(code, record.line);
        }
        if (errors.length === before) rows.push({ line: record.line, value: result.value });
      }
    }
    if (onProgress && totalRows % PROGRESS_EVERY === 0) await onProgress(totalRows);
  }
  errors.push(...(await findTakenNamesAndCodes(db, profileId, rows)));
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors, totalRows };
}

/**
 * The rows whose name (any case) or code another location of the profile already has: the
 * validation asks before, and the import's transaction asks again right before inserting.
 */
export async function findTakenNamesAndCodes(
  db: Db,
  profileId: string,
  rows: readonly ImportRow[],
): Promise<LocationImportRowError[]> {
  const t = businessLocations;
  const takenNames = new Set<string>();
  const takenCodes = new Set<string>();
  for (let at = 0; at < rows.length; at += LOOKUP_BATCH) {
    const batch = rows.slice(at, at + LOOKUP_BATCH);
    const names = batch.map((r) => nameKey(r.value.name));
    const codes = batch.flatMap((r) => (r.value.code ? [r.value.code] : []));
    const found = await db
      .select({ name: t.name, code: t.code })
      .from(t)
      .where(
        and(
          eq(t.profileId, profileId),
          or(
            inArray(sql<string>`lower(${t.name})`, names),
            codes.length > 0 ? inArray(t.code, codes) : undefined,
          ),
        ),
      );
    for (const row of found) {
      takenNames.add(nameKey(row.name));
      if (row.code) takenCodes.add(row.code);
    }
  }
  return rows.flatMap(({ line, value }) => [
    ...(takenNames.has(nameKey(value.name))
      ? [{ line, path: 'name', message: 'is the name of a location this profile already has' }]
      : []),
    ...(value.code && takenCodes.has(value.code)
      ? [{ line, path: 'code', message: 'is the code of a location this profile already has' }]
      : []),
  ]);
}
