import 'server-only';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { reportSerialRanges, reports } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import { auditActor, recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import type { ReportRecord, reportVoidInput } from '../schemas';
import { findReportRecord } from './report-records';

/**
 * Voids a report: it stays, marked void with the reason, its hash no longer verifies and its
 * serial ranges are released (live = false) so the units can be retired again. Voiding twice is
 * 409 REPORT_ALREADY_VOID (the row lock decides between two at once). Audited report.voided.
 */
export async function voidReport(
  ctx: UserContext,
  input: z.infer<typeof reportVoidInput>,
): Promise<ReportRecord> {
  await transaction(ctx, async (ctx) => {
    const [row] = await ctx.db.select().from(reports).where(eq(reports.id, input._id)).for('update');
    if (!row) throw new AppError('REPORT_NOT_FOUND');
    if (row.voidedAt) throw new AppError('REPORT_ALREADY_VOID', `${row.statementNumber} was voided already.`);
    const now = ctx.rt.clock.now();
    await ctx.db
      .update(reports)
      .set({ voidedAt: now, voidReason: input.reason, voidedBy: ctx.principal.userId, updatedAt: now })
      .where(eq(reports.id, row.id));
    await ctx.db
      .update(reportSerialRanges)
      .set({ live: false })
      .where(eq(reportSerialRanges.reportId, row.id));
    await recordAuditEvent(ctx.db, ctx.meta, {
      action: 'report.voided',
      ...auditActor(ctx.principal),
      organizationId: row.organizationId,
      targetType: 'report',
      targetId: row.id,
      data: { template: row.template, statementNumber: row.statementNumber, reason: input.reason },
    });
  });
  return (await findReportRecord(ctx.db, input._id))!;
}
