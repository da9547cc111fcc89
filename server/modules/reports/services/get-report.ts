import 'server-only';
import type { z } from 'zod';
import type { PrincipalContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import type * as s from '../schemas';

export async function getReport(
  _ctx: PrincipalContext,
  _input: z.infer<typeof s.reportIdInput>,
  _via: 'member' | 'admin' = 'member',
): Promise<s.ReportRecord> {
  throw new AppError('INTERNAL', 'Not built yet.');
}
