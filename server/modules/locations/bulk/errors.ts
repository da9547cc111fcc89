import type { ErrorTable } from '@/server/core/errors';

/** The CSV import's and export's error codes; locations/errors.ts puts them in the module's table. */
export const bulkLocationErrors = {
  CSV_INVALID: { status: 400, title: 'The CSV file cannot be read as a location CSV' },
  CSV_ROWS_INVALID: { status: 400, title: 'Some rows of the CSV file are not valid; nothing was imported' },
  CSV_TOO_LARGE: { status: 413, title: 'The CSV file is too large' },
  LOCATION_IMPORT_NOT_FOUND: { status: 404, title: 'Location import not found' },
} as const satisfies ErrorTable;
