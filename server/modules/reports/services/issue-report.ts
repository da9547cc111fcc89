import 'server-only';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { reportNumbers, reportSerialRanges, reports } from '@/db/schema';
import { actingUserId, type PrincipalContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import { enqueueJob } from '@/server/jobs/enqueue-job';
import { verificationHashOf } from '../pdf/hash';
import type { ReportRecord } from '../schemas';
import type { AnyReportTemplate } from '../template';
import { renderStoredReport } from './render-stored-report';
import { findReportRecord } from './report-records';

type Range = { batch: string; first: number; last: number };

/** `RS-2026-000041`: the template's prefix, the issue year (UTC), a counter per prefix and year. */
export const formatStatementNumber = (prefix: string, year: number, n: number) =>
  `${prefix}-${year}-${String(n).padStart(6, '0')}`;

/** The next number of a prefix and year; the row lock serialises two issues of one template. */
async function nextNumber(tx: Db, prefix: string, year: number) {
  const [row] = await tx
    .insert(reportNumbers)
    .values({ prefix, year, last: 1 })
    .onConflictDoUpdate({
      target: [reportNumbers.prefix, reportNumbers.year],
      set: { last: sql`${reportNumbers.last} + 1` },
    })
    .returning({ last: reportNumbers.last });
  return row!.last;
}

/** The first batch among these ranges that a live range of another statement overlaps, if any. */
export async function overlappingBatch(db: Db, ranges: readonly Range[]): Promise<string | undefined> {
  if (ranges.length === 0) return undefined;
  for (let i = 0; i < ranges.length; i += 1000) {
    const chunk = ranges.slice(i, i + 1000);
    const batches = [...new Set(chunk.map((r) => r.batch))];
    const [hit] = await db
      .select({ batch: reportSerialRanges.batch })
      .from(reportSerialRanges)
      .where(
        and(
          eq(reportSerialRanges.live, true),
          inArray(reportSerialRanges.batch, batches),
          or(
            ...chunk.map(
              (r) =>
                sql`(${reportSerialRanges.batch} = ${r.batch} and ${reportSerialRanges.units} && int8range(${r.first}::bigint, ${r.last}::bigint, '[]'))`,
            ),
          ),
        ),
      )
      .limit(1);
    if (hit) return hit.batch;
  }
  return undefined;
}

const serialsRetired = (batch: string) =>
  new AppError(
    'SERIALS_ALREADY_RETIRED',
    `Units of batch ${batch} are already retired on another statement that is not void.`,
    {
      extra: { batch },
    },
  );

const isExclusionViolation = (error: unknown) => {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.code === '23P01') return true;
    e = e.cause as Record<string, unknown> | undefined;
  }
  return false;
};

export type IssueOptions = {
  template: AnyReportTemplate;
  /** the parsed, validated data */
  data: Record<string, unknown>;
  tenant: { organizationId: string | null; profileId: string | null };
};

/**
 * Issues a report: in one short transaction, the next statement number, the record (pending) and
 * the serial ranges it retires (another live statement's overlapping range is 409
 * SERIALS_ALREADY_RETIRED, before anything is rendered; the exclusion constraint decides a race).
 * Then it renders outside any transaction, or, for a large one, queues the job `reports.render`
 * and answers the pending record at once.
 */
export async function issueReport(ctx: PrincipalContext, options: IssueOptions): Promise<ReportRecord> {
  const { template, data, tenant } = options;
  const ranges = template.serialRangesOf?.(data) ?? [];
  const large = template.isLarge(data);
  const issuedAt = ctx.rt.clock.now();
  const year = issuedAt.getUTCFullYear();
  let reportId: string;
  try {
    reportId = await transaction(ctx, async (ctx) => {
      const taken = await overlappingBatch(ctx.db, ranges);
      if (taken) throw serialsRetired(taken);
      const statementNumber = formatStatementNumber(
        template.numberPrefix,
        year,
        await nextNumber(ctx.db, template.numberPrefix, year),
      );
      const verificationHash = verificationHashOf({
        template: template.name,
        version: template.version,
        statementNumber,
        issuedAt: issuedAt.toISOString(),
        data,
      });
      const [row] = await ctx.db
        .insert(reports)
        .values({
          template: template.name,
          templateVersion: template.version,
          title: template.titleOf(data),
          statementNumber,
          status: 'pending',
          data,
          organizationId: tenant.organizationId,
          profileId: tenant.profileId,
          issuedAt,
          verificationHash,
          createdBy: actingUserId(ctx.principal),
          createdByKeyId: ctx.principal.kind === 'apiKey' ? ctx.principal.keyId : null,
          createdAt: issuedAt,
          updatedAt: issuedAt,
        })
        .returning({ id: reports.id });
      for (let i = 0; i < ranges.length; i += 2000) {
        await ctx.db.insert(reportSerialRanges).values(
          ranges.slice(i, i + 2000).map((r) => ({
            reportId: row!.id,
            batch: r.batch,
            units: `[${r.first},${r.last}]`,
          })),
        );
      }
      if (large)
        await enqueueJob(
          ctx.db,
          'reports.render',
          { reportId: row!.id, request: ctx.meta },
          { now: issuedAt },
        );
      return row!.id;
    });
  } catch (error) {
    if (isExclusionViolation(error)) {
      // a concurrent statement committed first: name its batch (it is visible now)
      throw serialsRetired((await overlappingBatch(ctx.db, ranges)) ?? ranges[0]!.batch);
    }
    throw error;
  }
  if (!large) await renderStoredReport({ db: ctx.db, rt: ctx.rt, meta: ctx.meta }, reportId);
  return (await findReportRecord(ctx.db, reportId))!;
}
