import 'server-only';
import type { z } from 'zod';
import type { PrincipalContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import type * as s from '../schemas';

export async function reportPdf(
  _ctx: PrincipalContext,
  _input: z.infer<typeof s.reportPdfInput>,
): Promise<import('@/server/core/meta').FileAnswer> {
  throw new AppError('INTERNAL', 'Not built yet.');
}
