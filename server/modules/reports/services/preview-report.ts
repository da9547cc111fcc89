import 'server-only';
import type { z } from 'zod';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { verificationHashOf } from '../pdf/hash';
import type { reportPreviewOutput, reportRenderInput } from '../schemas';
import { verifyUrlOf } from './render-stored-report';
import { parseTemplateData, templateNamed } from './validate-data';

const PREVIEW_NUMBER = 'PREVIEW';

/**
 * The admin render form's live preview: the same 400 and 404 as a render, then the PDF with a
 * "PREVIEW" watermark and number, never stored, numbered or audited. Size-capped (413).
 */
export async function previewReport(
  ctx: UserContext,
  input: z.infer<typeof reportRenderInput>,
): Promise<z.infer<typeof reportPreviewOutput>> {
  const template = templateNamed(input.template);
  const data = parseTemplateData(template, input.data);
  const tooLarge = template.previewTooLarge(data);
  if (tooLarge) throw new AppError('REPORT_TOO_LARGE_TO_PREVIEW', tooLarge);
  const issuedAt = ctx.rt.clock.now();
  const verificationHash = verificationHashOf({
    template: template.name,
    version: template.version,
    statementNumber: PREVIEW_NUMBER,
    issuedAt: issuedAt.toISOString(),
    data,
  });
  const pdf = await template.render(data, {
    statementNumber: PREVIEW_NUMBER,
    issuedAt,
    verificationHash,
    verifyUrl: verifyUrlOf(ctx.rt, verificationHash),
    preview: true,
  });
  return {
    contentType: 'application/pdf',
    base64: Buffer.from(pdf.bytes).toString('base64'),
    pageCount: pdf.pageCount,
  };
}
