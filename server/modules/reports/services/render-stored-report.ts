import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { reportFiles, reportSerialRanges, reports } from '@/db/schema';
import type { RequestMeta, ServiceRuntime } from '@/server/core/context';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { sha256Hex } from '../pdf/hash';
import { findTemplate } from '../registry';
import type { RenderedPdf } from '../template';

export type RenderDeps = { db: Db; rt: ServiceRuntime; meta: RequestMeta };

export const verifyUrlOf = (rt: ServiceRuntime, hash: string) =>
  `${rt.config.appUrl.replace(/\/+$/, '')}/verify/${hash}`;

/**
 * Renders a stored pending report and stores its PDF: marks it rendering, renders outside any
 * transaction, then in one short transaction stores the bytes, their SHA-256 and the page count
 * and marks it ready (audited report.rendered). A render that throws marks it failed with a short
 * sentence, releases its serial ranges (live = false) and is audited report.render.failed. A
 * report that is not pending (already done, or taken by another run) is left alone; a job's
 * retry (`retry`) also takes one left rendering by a run that died.
 */
export async function renderStoredReport(
  { db, rt, meta }: RenderDeps,
  reportId: string,
  options: { retry?: boolean } = {},
): Promise<void> {
  const claimed = await db
    .update(reports)
    .set({ status: 'rendering', updatedAt: rt.clock.now() })
    .where(
      and(
        eq(reports.id, reportId),
        inArray(reports.status, options.retry ? ['pending', 'rendering'] : ['pending']),
      ),
    )
    .returning();
  const row = claimed[0];
  if (!row) return;
  const template = findTemplate(row.template);
  const audit = {
    actorUserId: row.createdBy,
    actorKeyId: row.createdByKeyId,
    organizationId: row.organizationId,
    targetType: 'report',
    targetId: row.id,
  };
  let pdf: RenderedPdf;
  try {
    if (!template || template.version !== row.templateVersion)
      throw new Error(`template ${row.template} v${row.templateVersion} is not available`);
    pdf = await template.render(template.schema.parse(row.data), {
      statementNumber: row.statementNumber,
      issuedAt: row.issuedAt,
      verificationHash: row.verificationHash,
      verifyUrl: verifyUrlOf(rt, row.verificationHash),
      preview: false,
    });
  } catch (error) {
    rt.log.error({ err: error, reportId }, 'report render failed');
    await db.transaction(async (tx) => {
      const now = rt.clock.now();
      await tx
        .update(reports)
        .set({
          status: 'failed',
          error: 'The PDF could not be rendered; render the report again.',
          updatedAt: now,
        })
        .where(eq(reports.id, reportId));
      await tx
        .update(reportSerialRanges)
        .set({ live: false })
        .where(eq(reportSerialRanges.reportId, reportId));
      await recordAuditEvent(tx, meta, {
        action: 'report.render.failed',
        ...audit,
        data: { template: row.template, statementNumber: row.statementNumber },
      });
    });
    return;
  }
  await db.transaction(async (tx) => {
    const now = rt.clock.now();
    await tx.insert(reportFiles).values({ reportId, bytes: pdf.bytes }).onConflictDoNothing();
    await tx
      .update(reports)
      .set({
        status: 'ready',
        pdfSha256: sha256Hex(pdf.bytes),
        byteSize: pdf.bytes.byteLength,
        pageCount: pdf.pageCount,
        error: null,
        updatedAt: now,
      })
      .where(eq(reports.id, reportId));
    await recordAuditEvent(tx, meta, {
      action: 'report.rendered',
      ...audit,
      data: { template: row.template, statementNumber: row.statementNumber, title: row.title },
    });
  });
}
