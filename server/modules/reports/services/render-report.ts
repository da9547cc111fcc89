import 'server-only';
import type { z } from 'zod';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import type * as s from '../schemas';

export async function renderReport(
  _ctx: UserContext,
  _input: z.infer<typeof s.reportRenderInput>,
): Promise<s.ReportRecord> {
  throw new AppError('INTERNAL', 'Not built yet.');
}
