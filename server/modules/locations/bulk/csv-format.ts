import 'server-only';
import type { z } from 'zod';
import type { businessLocations } from '@/db/schema';
import { zodFieldErrors } from '@/server/core/trpc';
import { locationCreateInput, locationCsvColumns, locationCsvOptionalColumns } from '../schemas';

/**
 * The location CSV (REST.md "Location CSV"), one format for import and export: a cell of the file
 * to a field of a create input and back. A CSV row is validated as `locationCreateInput`, so the
 * rules of a location live in schemas.ts alone; this file only knows how the cells spell them.
 */

export const csvColumns = [...locationCsvColumns, ...locationCsvOptionalColumns] as const;
export type CsvColumn = (typeof csvColumns)[number];
export type CsvCells = Partial<Record<CsvColumn, string>>;
export type LocationCreate = z.infer<typeof locationCreateInput>;

export const SUPPLIER_SEPARATOR = ';';

/** Columns whose cells are numbers or booleans: written as such, never prefixed. */
const nonTextColumns = new Set<CsvColumn>(['latitude', 'longitude', 'isDirectConnection']);

/**
 * Against formula injection a spreadsheet would run (`=HYPERLINK(…)`), a text cell that starts
 * with = + - @, a tab or a CR is written with a leading `'`. A cell that already starts with
 * quotes before such a character gets one more, so that the import, which takes exactly one `'`
 * off such a cell, gives back the very text that was exported.
 */
const FORMULA_ON_EXPORT = /^'*[=+\-@\t\r]/;
const FORMULA_ON_IMPORT = /^'+[=+\-@\t\r]/;

export const protectCell = (value: string) => (FORMULA_ON_EXPORT.test(value) ? `'${value}` : value);
export const unprotectCell = (value: string) => (FORMULA_ON_IMPORT.test(value) ? value.slice(1) : value);

export type CellError = { path: string; message: string };

const BOOLEANS: Record<string, boolean> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  '1': true,
  '0': false,
};
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Where a field of the create input is in the file: its column. */
function columnOf(path: string): string {
  const [head, child] = path.split('.');
  if (head === 'address') return child ?? 'country';
  if (head === 'coordinates') return child ?? 'latitude';
  return head ?? path;
}

/**
 * One row's cells as a create input of this profile, validated by `locationCreateInput`; every
 * problem is reported against its column. Empty cells are absent fields.
 */
export function csvRowToLocation(
  profileId: string,
  raw: CsvCells,
): { ok: true; value: LocationCreate } | { ok: false; errors: CellError[] } {
  const cells: CsvCells = {};
  for (const column of csvColumns) {
    const cell = raw[column]?.trim() ?? '';
    if (cell !== '') cells[column] = nonTextColumns.has(column) ? cell : unprotectCell(cell);
  }
  const errors: CellError[] = [];
  const number = (column: 'latitude' | 'longitude') => {
    const cell = cells[column];
    if (cell === undefined) return undefined;
    if (DECIMAL.test(cell)) return Number(cell);
    errors.push({ path: column, message: 'must be a number' });
    return undefined;
  };
  const latitude = number('latitude');
  const longitude = number('longitude');
  if ((cells.latitude === undefined) !== (cells.longitude === undefined)) {
    const missing = cells.latitude === undefined ? 'latitude' : 'longitude';
    errors.push({ path: missing, message: 'is required when the other coordinate is given' });
  }
  let isDirectConnection: boolean | undefined;
  if (cells.isDirectConnection !== undefined) {
    isDirectConnection = BOOLEANS[cells.isDirectConnection.toLowerCase()];
    if (isDirectConnection === undefined)
      errors.push({ path: 'isDirectConnection', message: 'must be true or false' });
  }
  const address = {
    country: cells.country,
    state: cells.state,
    city: cells.city,
    line1: cells.line1,
    line2: cells.line2,
    postalCode: cells.postalCode,
  };
  const candidate = {
    profileId,
    name: cells.name,
    code: cells.code,
    type: cells.type,
    basin: cells.basin,
    isDirectConnection,
    preferredSuppliers: cells.preferredSuppliers?.split(SUPPLIER_SEPARATOR),
    coordinates: latitude !== undefined && longitude !== undefined ? { latitude, longitude } : undefined,
    address: Object.fromEntries(Object.entries(address).filter(([, v]) => v !== undefined)),
    status: cells.status,
  };
  const parsed = locationCreateInput.safeParse(
    Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)),
  );
  if (!parsed.success)
    for (const issue of zodFieldErrors(parsed.error))
      errors.push({ path: columnOf(issue.path), message: issue.message });
  if (errors.length > 0 || !parsed.success) return { ok: false, errors: dedupe(errors) };
  return { ok: true, value: parsed.data };
}

/** One message per column and text: a bad latitude is not also reported by the schema. */
function dedupe(errors: CellError[]): CellError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\n${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The columns a location's export reads. */
export type ExportedLocation = Pick<
  typeof businessLocations.$inferSelect,
  | 'name'
  | 'code'
  | 'type'
  | 'basin'
  | 'isDirectConnection'
  | 'preferredSuppliers'
  | 'latitude'
  | 'longitude'
  | 'address'
  | 'status'
>;

/** A stored location as the cells of its CSV row, in `csvColumns` order. */
export function locationToCsvRow(row: ExportedLocation): string[] {
  const cells: Record<CsvColumn, string> = {
    name: row.name,
    type: row.type ?? '',
    basin: row.basin ?? '',
    isDirectConnection: String(row.isDirectConnection),
    preferredSuppliers: row.preferredSuppliers.join(SUPPLIER_SEPARATOR),
    latitude: row.latitude === null ? '' : String(row.latitude),
    longitude: row.longitude === null ? '' : String(row.longitude),
    country: row.address?.country ?? '',
    state: row.address?.state ?? '',
    city: row.address?.city ?? '',
    line1: row.address?.line1 ?? '',
    postalCode: row.address?.postalCode ?? '',
    status: row.status,
    code: row.code ?? '',
    line2: row.address?.line2 ?? '',
  };
  return csvColumns.map((column) =>
    nonTextColumns.has(column) ? cells[column] : protectCell(cells[column]),
  );
}
