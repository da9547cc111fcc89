import 'server-only';
import { eq } from 'drizzle-orm';
import { reports } from '@/db/schema';
import { authorize } from '@/server/core/access/authorize';
import { isPlatformStaff } from '@/server/core/access/platform';
import type { PrincipalContext } from '@/server/core/context';
import { AppError, asAppError } from '@/server/core/errors';

/** Who a report service acts for: `member` by role or key scope on its profile; `admin` the console. */
export type ReportVia = 'member' | 'admin';

/**
 * The report's id and profile when the caller may read it: platform staff always; a user with
 * reports.read on the report's profile (data.profileId), an API key with reports:read of that
 * profile. Anyone else, and a report of no profile for anyone but staff, is REPORT_NOT_FOUND,
 * exactly like a missing one.
 */
export async function reportToRead(ctx: PrincipalContext, id: string, via: ReportVia) {
  const [row] = await ctx.db
    .select({
      id: reports.id,
      profileId: reports.profileId,
      status: reports.status,
      statementNumber: reports.statementNumber,
    })
    .from(reports)
    .where(eq(reports.id, id));
  if (!row) throw new AppError('REPORT_NOT_FOUND');
  if (via === 'admin') return row;
  if (ctx.principal.kind === 'user' && isPlatformStaff(ctx.principal.platformRoles)) return row;
  if (!row.profileId) throw new AppError('REPORT_NOT_FOUND');
  try {
    await authorize(ctx, 'reports.read', { profileId: row.profileId });
  } catch (error) {
    if (asAppError(error)?.code === 'PROFILE_NOT_FOUND') throw new AppError('REPORT_NOT_FOUND');
    throw error;
  }
  return row;
}
