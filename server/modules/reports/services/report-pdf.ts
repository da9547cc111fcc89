import 'server-only';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { reportFiles } from '@/db/schema';
import type { PrincipalContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import type { FileAnswer } from '@/server/core/meta';
import type { reportPdfInput } from '../schemas';
import { reportToRead } from './report-access';

/**
 * `GET /reports/{id}/pdf` (and the browser's download): the PDF for platform staff and those who
 * may read the report's profile; anyone else 404; not rendered yet 409 REPORT_NOT_READY.
 */
export async function reportPdf(
  ctx: PrincipalContext,
  input: z.infer<typeof reportPdfInput>,
): Promise<FileAnswer> {
  const report = await reportToRead(ctx, input.id, 'member');
  if (report.status !== 'ready')
    throw new AppError(
      'REPORT_NOT_READY',
      report.status === 'failed'
        ? 'The report failed to render; there is no PDF.'
        : 'The report is still rendering; try again in a moment.',
    );
  const [file] = await ctx.db
    .select({ bytes: reportFiles.bytes })
    .from(reportFiles)
    .where(eq(reportFiles.reportId, report.id));
  if (!file) throw new AppError('REPORT_NOT_READY', 'The report has no PDF yet.');
  return { contentType: 'application/pdf', filename: `${report.statementNumber}.pdf`, body: file.bytes };
}
