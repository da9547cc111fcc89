import 'server-only';
import { and, eq, getTableColumns } from 'drizzle-orm';
import type { z } from 'zod';
import { locationImports } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import type { PrincipalContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import type { LocationImportStatusOutput, locationImportIdInput } from './schemas';

type ImportRow = typeof locationImports.$inferSelect;

export const presentImport = (row: ImportRow): LocationImportStatusOutput => ({
  _id: row.id,
  profileId: row.profileId,
  status: row.status,
  totalRows: row.totalRows,
  processedRows: row.processedRows,
  imported: row.imported,
  errors: row.errors,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

/**
 * An import of this profile, for whoever may import into it (locations.write); an import of
 * another profile looks missing, like one that never existed. Never reads the file back.
 */
export async function findLocationImport(
  ctx: PrincipalContext,
  input: z.infer<typeof locationImportIdInput>,
): Promise<LocationImportStatusOutput> {
  await authorize(ctx, 'locations.write', { profileId: input.profileId });
  const { source: _file, ...columns } = getTableColumns(locationImports);
  const [row] = await ctx.db
    .select(columns)
    .from(locationImports)
    .where(and(eq(locationImports.id, input._id), eq(locationImports.profileId, input.profileId)));
  if (!row) throw new AppError('LOCATION_IMPORT_NOT_FOUND');
  return presentImport({ ...row, source: null });
}
