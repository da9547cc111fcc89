import 'server-only';
import { type AnyColumn, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { apiKeys, organizationProfiles, organizations, reports, users } from '@/db/schema';
import { type ReportRecord, reportRestPdfPath } from '../schemas';

export type ReportRow = typeof reports.$inferSelect;

const creator = alias(users, 'report_creator');
const voider = alias(users, 'report_voider');
const { data: _data, ...recordColumns } = getTableColumns(reports);

const fullName = (first: AnyColumn, last: AnyColumn) =>
  sql<string | null>`nullif(trim(${first} || ' ' || ${last}), '')`;

/** The columns of a report record with its names (profile, organization, creator, voider); never `data`. */
export const reportRecordColumns = {
  ...recordColumns,
  profileName: sql<string | null>`${organizationProfiles.name}`,
  organizationName: sql<string | null>`${organizations.name}`,
  creatorName: fullName(creator.firstName, creator.lastName),
  creatorEmail: sql<string | null>`${creator.email}`,
  keyName: sql<string | null>`${apiKeys.name}`,
  voiderName: fullName(voider.firstName, voider.lastName),
  voiderEmail: sql<string | null>`${voider.email}`,
};

/** A select of report records (plus `extra` columns) with the joins their names need; add where/order/limit. */
export const selectReportRecords = <Extra extends Record<string, SQL.Aliased | SQL>>(db: Db, extra?: Extra) =>
  db
    .select({ ...reportRecordColumns, ...(extra as Extra) })
    .from(reports)
    .leftJoin(organizationProfiles, eq(organizationProfiles.id, reports.profileId))
    .leftJoin(organizations, eq(organizations.id, reports.organizationId))
    .leftJoin(creator, eq(creator.id, reports.createdBy))
    .leftJoin(apiKeys, eq(apiKeys.id, reports.createdByKeyId))
    .leftJoin(voider, eq(voider.id, reports.voidedBy));

export type ReportRecordRow = Omit<ReportRow, 'data'> & {
  [K in
    | 'profileName'
    | 'organizationName'
    | 'creatorName'
    | 'creatorEmail'
    | 'keyName'
    | 'voiderName'
    | 'voiderEmail']: string | null;
};

/** A record row as the API answers it. */
export function presentReport(row: ReportRecordRow): ReportRecord {
  const createdBy = row.createdByKeyId
    ? { _id: row.createdByKeyId, name: row.keyName || 'API key' }
    : row.createdBy
      ? { _id: row.createdBy, name: row.creatorName ?? row.creatorEmail ?? 'Someone' }
      : null;
  return {
    _id: row.id,
    template: row.template,
    templateVersion: row.templateVersion,
    title: row.title,
    statementNumber: row.statementNumber,
    status: row.status,
    voided: row.voidedAt !== null,
    voidedAt: row.voidedAt?.toISOString() ?? null,
    voidReason: row.voidReason,
    voidedBy: row.voidedBy
      ? { _id: row.voidedBy, name: row.voiderName ?? row.voiderEmail ?? 'Someone' }
      : null,
    profileId: row.profileId,
    profileName: row.profileName,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    issuedAt: row.issuedAt.toISOString(),
    verificationHash: row.verificationHash,
    pdfSha256: row.pdfSha256,
    byteSize: row.byteSize,
    pageCount: row.pageCount,
    downloadUrl: reportRestPdfPath(row.id),
    createdAt: row.createdAt.toISOString(),
    createdBy,
    error: row.error,
  };
}

/** One record by id, presented; undefined when there is none. */
export async function findReportRecord(db: Db, id: string): Promise<ReportRecord | undefined> {
  const [row] = await selectReportRecords(db).where(eq(reports.id, id));
  return row ? presentReport(row) : undefined;
}
