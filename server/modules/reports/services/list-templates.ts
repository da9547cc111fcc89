import 'server-only';
import type { z } from 'zod';
import { AppError } from '@/server/core/errors';
import type * as s from '../schemas';

export async function listTemplates(): Promise<z.infer<typeof s.reportTemplatesOutput>> {
  throw new AppError('INTERNAL', 'Not built yet.');
}
