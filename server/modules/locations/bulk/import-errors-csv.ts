import 'server-only';
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import type { PrincipalContext } from '@/server/core/context';
import { protectCell } from './csv-format';
import { findLocationImport } from './import-status';
import type { locationImportIdInput } from './schemas';

/**
 * The bad rows of an import as a CSV file (line, path, message), for the user to fix their file
 * with. Paths can echo the file's own header cells, so they are protected against formulas too.
 */
export async function locationImportErrorsCsv(
  ctx: PrincipalContext,
  input: z.infer<typeof locationImportIdInput>,
) {
  const found = await findLocationImport(ctx, input);
  const body = stringify(
    [
      ['line', 'path', 'message'],
      ...found.errors.map((e) => [String(e.line), protectCell(e.path), protectCell(e.message)]),
    ],
    { record_delimiter: 'windows' },
  );
  return {
    contentType: 'text/csv; charset=utf-8',
    filename: `location-import-errors-${found._id}.csv`,
    body,
  };
}
