import 'server-only';
import type { z } from 'zod';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import type * as s from '../schemas';

export async function voidReport(
  _ctx: UserContext,
  _input: z.infer<typeof s.reportVoidInput>,
): Promise<s.ReportRecord> {
  throw new AppError('INTERNAL', 'Not built yet.');
}
