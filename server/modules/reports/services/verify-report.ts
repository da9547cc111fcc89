import 'server-only';
import type { z } from 'zod';
import type { RequestContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import type * as s from '../schemas';

export async function verifyReport(
  _ctx: RequestContext,
  _input: z.infer<typeof s.reportVerifyInput>,
): Promise<z.infer<typeof s.reportVerifyOutput>> {
  throw new AppError('INTERNAL', 'Not built yet.');
}
