import 'server-only';
import type { z } from 'zod';
import type { PrincipalContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import type { ReportRecord, reportIdInput } from '../schemas';
import { type ReportVia, reportToRead } from './report-access';
import { findReportRecord } from './report-records';

/** One report the caller may read (another tenant's is 404); the admin console reads any. */
export async function getReport(
  ctx: PrincipalContext,
  input: z.infer<typeof reportIdInput>,
  via: ReportVia = 'member',
): Promise<ReportRecord> {
  await reportToRead(ctx, input._id, via);
  const record = await findReportRecord(ctx.db, input._id);
  if (!record) throw new AppError('REPORT_NOT_FOUND');
  return record;
}
