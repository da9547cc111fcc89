import 'server-only';
import { z } from 'zod';
import { restShapes } from '@/server/core/meta';
import { principalProcedure } from '@/server/core/trpc';
import { locationExportInput, MAX_CSV_BYTES } from '../schemas';
import { exportLocations } from './export-locations';
import { locationImportErrorsCsv } from './import-errors-csv';
import { importLocations } from './import-locations';
import { findLocationImport } from './import-status';
import * as s from './schemas';
import { startLocationImport } from './start-import';

const rest = restShapes('Business locations');

/** A FileAnswer (server/core/meta.ts): the REST adapter sends `body` with its type. */
const csvAnswer = z.custom<{ contentType: string; filename?: string; body: string | Uint8Array }>();

/**
 * CSV import and export of a profile's business locations (REST #49). The REST import runs in
 * the request; the browser's runs as a job (importStart, then importStatus), see schemas.ts.
 */
export const bulkProcedures = {
  import: principalProcedure
    .meta({
      permission: 'locations.write',
      rest: rest.post(
        '/business-locations/import',
        'Import business locations from a CSV file: every row or none (400 lists every bad row)',
        {
          auth: 'user_or_client',
          query: ['profileId'],
          body: { contentType: 'text/csv', field: 'csv', limit: MAX_CSV_BYTES },
        },
      ),
    })
    .input(s.locationImportInput)
    .output(s.locationImportOutput)
    .mutation(({ ctx, input }) => importLocations(ctx, input)),
  export: principalProcedure
    .meta({
      permission: 'locations.read',
      rest: rest.post(
        '/business-locations/export',
        'Export the business locations of a profile under the list filters as a CSV file',
        { auth: 'user_or_client', produces: 'text/csv' },
      ),
    })
    .input(locationExportInput)
    .output(csvAnswer)
    .mutation(({ ctx, input }) => exportLocations(ctx, input)),
  importStart: principalProcedure
    .meta({ permission: 'locations.write' })
    .input(s.locationImportStartInput)
    .output(s.locationImportStartOutput)
    .mutation(({ ctx, input }) => startLocationImport(ctx, input)),
  importStatus: principalProcedure
    .meta({ permission: 'locations.write' })
    .input(s.locationImportIdInput)
    .output(s.locationImportStatusOutput)
    .query(({ ctx, input }) => findLocationImport(ctx, input)),
  importErrors: principalProcedure
    .meta({ permission: 'locations.write' })
    .input(s.locationImportIdInput)
    .output(s.csvFileOutput)
    .query(({ ctx, input }) => locationImportErrorsCsv(ctx, input)),
};
