import 'server-only';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { reports } from '@/db/schema';
import type { RequestContext } from '@/server/core/context';
import type { reportVerifyInput, reportVerifyOutput } from '../schemas';

/**
 * Public: whether a statement with this verification hash was issued (rendered) and is not void,
 * and nothing more: no number, no names. An unknown or malformed hash is simply not valid.
 */
export async function verifyReport(
  ctx: RequestContext,
  input: z.infer<typeof reportVerifyInput>,
): Promise<z.infer<typeof reportVerifyOutput>> {
  const hash = input.hash.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hash)) return { hash: input.hash, valid: false };
  const [row] = await ctx.db
    .select({ status: reports.status, voidedAt: reports.voidedAt })
    .from(reports)
    .where(eq(reports.verificationHash, hash));
  return { hash, valid: row !== undefined && row.status === 'ready' && row.voidedAt === null };
}
