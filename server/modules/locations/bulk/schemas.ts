import { z } from 'zod';
import { isoDate, uuidSchema } from '@/server/modules/auth/schemas';
import { MAX_CSV_BYTES } from '../schemas';

/**
 * Inputs and outputs of the bulk location procedures (REST #49 and the browser's import jobs).
 * Isomorphic: the import dialog codes against these.
 *
 * How the browser imports (any size up to 20 MiB, as a job):
 * 1. `POST /api/files/locations/import?profileId=<id>` with the file as the body and
 *    `content-type: text/csv` (e.g. `fetch(locationImportUploadPath(profileId), { method: 'POST',
 *    headers: { 'content-type': 'text/csv' }, body: file })`), with the session cookie. The answer
 *    is `{importId}` (201), or a problem (400 not CSV / no header, 413 too large, 404 profile).
 *    Small files may instead go through tRPC `locations.importStart({profileId, csv})` (tRPC
 *    bodies stop at 1 MiB).
 * 2. Poll `locations.importStatus({profileId, _id: importId})` (e.g. every second) until `status`
 *    is `done` (then `imported` rows were added) or `failed` (then nothing was added and `errors`
 *    lists every bad row `{line, path, message}`, line 1 being the header). Progress:
 *    `processedRows / totalRows` while `validating`; `importing` is the one short transaction.
 * 3. The errors as a CSV file: `locations.importErrors({profileId, _id})` → `{filename, body}`
 *    (make a Blob of `body`, type text/csv), or link to `locationImportErrorsPath(...)`.
 *
 * How the browser exports: a plain link (or fetch + blob) to `locationExportDownloadPath(filters)`,
 * `GET /api/files/locations/export?profileId=…&status=…&type=…&basin=…&q=…`: the same filters as
 * the list, answered as a `text/csv` attachment. REST callers use `POST /business-locations/export`.
 */

export const locationImportRowError = z.object({
  line: z.number().int().describe('the line of the CSV file (the header is line 1)'),
  path: z.string().describe('the column (or the field of the row) that is wrong; "(row)" for the whole row'),
  message: z.string(),
});
export type LocationImportRowError = z.infer<typeof locationImportRowError>;

/** No max here: the service refuses a file over MAX_CSV_BYTES with 413, not 400. */
const csvText = z
  .string()
  .describe(
    `the CSV file (REST: the text/csv request body), UTF-8, header row first, at most ${MAX_CSV_BYTES / 1024 / 1024} MiB`,
  );

/** #49 REST `POST /business-locations/import?profileId=` (the body is the CSV): all rows or none. */
export const locationImportInput = z.strictObject({ profileId: uuidSchema, csv: csvText });
export const locationImportOutput = z.object({ imported: z.number().int() });

/** The browser's import: the same input, run as a job; the upload route calls this procedure. */
export const locationImportStartInput = locationImportInput;
export const locationImportStartOutput = z.object({ importId: z.string() });

export const locationImportIdInput = z.strictObject({ profileId: uuidSchema, _id: uuidSchema });

export const locationImportStatuses = ['pending', 'validating', 'importing', 'done', 'failed'] as const;
export type LocationImportStatus = (typeof locationImportStatuses)[number];

export const locationImportStatusOutput = z.object({
  _id: z.string(),
  profileId: z.string(),
  status: z.enum(locationImportStatuses),
  /** data rows of the file (the header not counted); 0 until the file was read */
  totalRows: z.number().int(),
  /** rows validated so far */
  processedRows: z.number().int(),
  /** rows added: set when done */
  imported: z.number().int(),
  /** every bad row when failed (or why the whole file was refused, on line 1) */
  errors: z.array(locationImportRowError),
  createdAt: isoDate,
  finishedAt: isoDate.nullable(),
});
export type LocationImportStatusOutput = z.infer<typeof locationImportStatusOutput>;

/** A CSV file as tRPC returns it (the browser makes a Blob of `body`). */
export const csvFileOutput = z.object({
  contentType: z.string(),
  filename: z.string(),
  body: z.string(),
});

/** The browser's file routes (session cookie, same origin): see the comment at the top. */
export const locationFilePaths = {
  import: '/api/files/locations/import',
  export: '/api/files/locations/export',
  importErrors: '/api/files/locations/import-errors',
} as const;

export const locationImportUploadPath = (profileId: string) =>
  `${locationFilePaths.import}?${new URLSearchParams({ profileId })}`;

export const locationImportErrorsPath = (profileId: string, importId: string) =>
  `${locationFilePaths.importErrors}?${new URLSearchParams({ profileId, _id: importId })}`;

/** The export link for the list's filters (undefined/empty filters are left out). */
export const locationExportDownloadPath = (filters: {
  profileId: string;
  status?: string;
  type?: string;
  basin?: string;
  q?: string;
}) => {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  return `${locationFilePaths.export}?${query}`;
};
