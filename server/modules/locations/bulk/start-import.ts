import 'server-only';
import type { z } from 'zod';
import { locationImports } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import type { PrincipalContext } from '@/server/core/context';
import { transaction } from '@/server/core/transactions';
import { enqueueJob } from '@/server/jobs/enqueue-job';
import { importActor } from './import-locations';
import { assertCsvSize } from './read-csv';
import type { locationImportStartInput } from './schemas';

/**
 * The browser's import: keeps the file on an import row and queues the job that validates and
 * imports it (run-import-job.ts), both in one transaction; the caller polls `importStatus`.
 */
export async function startLocationImport(
  ctx: PrincipalContext,
  input: z.infer<typeof locationImportStartInput>,
): Promise<{ importId: string }> {
  assertCsvSize(Buffer.from(input.csv, 'utf8'));
  return transaction(ctx, async (ctx) => {
    const access = await authorize(ctx, 'locations.write', { profileId: input.profileId });
    const now = ctx.rt.clock.now();
    const actor = importActor(ctx);
    const [row] = await ctx.db
      .insert(locationImports)
      .values({
        organizationId: access.organizationId!,
        profileId: input.profileId,
        source: input.csv,
        createdBy: actor.userId,
        createdByKeyId: actor.keyId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: locationImports.id });
    await enqueueJob(ctx.db, 'locations.import', { importId: row!.id, request: ctx.meta }, { now });
    return { importId: row!.id };
  });
}
