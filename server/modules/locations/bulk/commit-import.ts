import 'server-only';
import type { Db } from '@/db/client';
import type { RequestMeta } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { isUniqueViolation } from '@/server/core/query/unique-violation';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { type ImportActor, type ImportTenant, insertLocations, rowsInvalidDetail } from './insert-locations';
import { findTakenNamesAndCodes, type ImportRow } from './validate-csv';

const UNIQUE_INDEXES = ['business_locations_name_key', 'business_locations_code_key'];

export type CommitImport = {
  db: Db;
  meta: RequestMeta | undefined;
  now: Date;
  tenant: ImportTenant;
  actor: ImportActor;
  rows: readonly ImportRow[];
  importId?: string;
  /** more work of the same transaction (the job marks its import done and completes itself) */
  within?: (tx: Db, imported: number) => Promise<void>;
};

/**
 * The one write of an import, for the REST call and the job alike: every row in ONE short
 * transaction with its audit event, or none. A unique violation (another writer added one of
 * the names or codes after the recheck) becomes the rows it concerns, never a 500.
 */
export async function commitImport(options: CommitImport): Promise<number> {
  const { db, meta, now, tenant, actor, rows, importId, within } = options;
  try {
    return await db.transaction(async (tx) => {
      const imported = await insertLocations(tx, tenant, actor, rows, now);
      await recordAuditEvent(
        tx,
        meta,
        {
          action: 'location.imported',
          actorUserId: actor.userId,
          actorKeyId: actor.keyId,
          organizationId: tenant.organizationId,
          targetType: 'organization_profile',
          targetId: tenant.profileId,
          data: { count: imported, ...(importId ? { importId } : {}) },
        },
        now,
      );
      await within?.(tx, imported);
      return imported;
    });
  } catch (error) {
    if (!UNIQUE_INDEXES.some((index) => isUniqueViolation(error, index))) throw error;
    const taken = await findTakenNamesAndCodes(db, tenant.profileId, rows);
    const errors = taken.length
      ? taken
      : [
          {
            line: 1,
            path: '(file)',
            message: 'met a location added at the same time; import the file again',
          },
        ];
    throw new AppError('CSV_ROWS_INVALID', rowsInvalidDetail(errors.length), { errors });
  }
}
