import 'server-only';
import { eq } from 'drizzle-orm';
import { locationImports } from '@/db/schema';
import type { RequestMeta } from '@/server/core/context';
import { toAppError } from '@/server/core/errors';
import { completeJob, MAX_ATTEMPTS } from '@/server/jobs/claim';
import type { JobContext } from '@/server/jobs/handlers';
import { commitImport } from './commit-import';
import type { LocationImportRowError } from './schemas';
import { countCsvRows, validateLocationCsv } from './validate-csv';

type ImportUpdate = Partial<typeof locationImports.$inferInsert>;

/** The refusals of a file that end its import as failed (anything else is retried by the runner). */
const FILE_REFUSALS = new Set(['CSV_INVALID', 'CSV_ROWS_INVALID', 'CSV_TOO_LARGE']);

/**
 * The job of one browser import: counts the rows, validates every one outside any transaction
 * (writing `processedRows` every PROGRESS_EVERY rows), then inserts them all in one short
 * transaction that also marks the import done and completes the job. A bad file ends the import
 * as failed with every bad row; either way the file itself is cleared. A run that dies is retried
 * by the runner from the start (nothing was inserted); its last attempt marks the import failed.
 */
export async function runLocationImportJob(
  { rt, job }: JobContext,
  { importId, request }: { importId: string; request: RequestMeta },
) {
  const [row] = await rt.db.select().from(locationImports).where(eq(locationImports.id, importId));
  if (!row || row.status === 'done' || row.status === 'failed') return;
  const update = (values: ImportUpdate) =>
    rt.db
      .update(locationImports)
      .set({ ...values, updatedAt: rt.clock.now() })
      .where(eq(locationImports.id, importId));
  const fail = (errors: LocationImportRowError[], values: ImportUpdate = {}) =>
    update({ ...values, status: 'failed', errors, source: null, finishedAt: rt.clock.now() });

  const source = Buffer.from(row.source ?? '', 'utf8');
  try {
    const totalRows = await countCsvRows(source);
    await update({ status: 'validating', totalRows, processedRows: 0, errors: [] });
    const { rows, errors } = await validateLocationCsv(rt.db, row.profileId, source, (processedRows) =>
      update({ processedRows }).then(() => undefined),
    );
    if (errors.length > 0) {
      await fail(errors, { processedRows: totalRows });
      return;
    }
    await update({ status: 'importing', processedRows: totalRows });
    await commitImport({
      db: rt.db,
      meta: request,
      now: rt.clock.now(),
      tenant: { organizationId: row.organizationId, profileId: row.profileId },
      actor: { userId: row.createdBy, keyId: row.createdByKeyId },
      rows,
      importId,
      within: async (tx, imported) => {
        const now = rt.clock.now();
        await tx
          .update(locationImports)
          .set({ status: 'done', imported, source: null, finishedAt: now, updatedAt: now })
          .where(eq(locationImports.id, importId));
        await completeJob(tx, job, now);
      },
    });
  } catch (error) {
    const app = toAppError(error);
    if (app && FILE_REFUSALS.has(app.code)) {
      await fail(app.errors?.length ? (app.errors as LocationImportRowError[]) : [fileError(app.message)]);
      return;
    }
    if (job.attempts >= MAX_ATTEMPTS)
      await fail([fileError('could not be imported; start the import again')]);
    throw error;
  }
}

const fileError = (message: string): LocationImportRowError => ({ line: 1, path: '(file)', message });
