import 'server-only';
import type { z } from 'zod';
import type { PrincipalContext, UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import type * as s from '../schemas';

type ListOutput = z.infer<typeof s.reportListOutput>;

export async function listReports(
  _ctx: PrincipalContext,
  _input: z.infer<typeof s.reportListInput>,
): Promise<ListOutput> {
  throw new AppError('INTERNAL', 'Not built yet.');
}

export async function listReportsAsAdmin(
  _ctx: UserContext,
  _input: z.infer<typeof s.adminReportListInput>,
): Promise<ListOutput> {
  throw new AppError('INTERNAL', 'Not built yet.');
}
