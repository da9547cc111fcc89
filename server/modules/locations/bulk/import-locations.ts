import 'server-only';
import type { z } from 'zod';
import { authorize } from '@/server/core/access/authorize';
import { actingUserId, type PrincipalContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { commitImport } from './commit-import';
import type { ImportActor } from './insert-locations';
import { rowsInvalidDetail } from './insert-locations';
import { assertCsvSize } from './read-csv';
import type { locationImportInput } from './schemas';
import { validateLocationCsv } from './validate-csv';

export const importActor = (ctx: PrincipalContext): ImportActor => ({
  userId: actingUserId(ctx.principal),
  keyId: ctx.principal.kind === 'apiKey' ? ctx.principal.keyId : null,
});

/**
 * #49 REST import, in the request: every row validated first (outside any transaction), then
 * all inserted in one transaction, or, with any bad row, nothing and 400 with every bad row.
 * Files up to MAX_CSV_ROWS take seconds; the browser runs the same steps as a job
 * (start-import.ts) to show progress.
 */
export async function importLocations(
  ctx: PrincipalContext,
  input: z.infer<typeof locationImportInput>,
): Promise<{ imported: number }> {
  const access = await authorize(ctx, 'locations.write', { profileId: input.profileId });
  const source = Buffer.from(input.csv, 'utf8');
  assertCsvSize(source);
  const { rows, errors } = await validateLocationCsv(ctx.db, input.profileId, source);
  if (errors.length > 0) throw new AppError('CSV_ROWS_INVALID', rowsInvalidDetail(errors.length), { errors });
  const imported = await commitImport({
    db: ctx.db,
    meta: ctx.meta,
    now: ctx.rt.clock.now(),
    tenant: { organizationId: access.organizationId!, profileId: input.profileId },
    actor: importActor(ctx),
    rows,
  });
  return { imported };
}
