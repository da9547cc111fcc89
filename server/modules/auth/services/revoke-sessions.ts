import 'server-only';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sessions } from '@/db/schema';

type Selector = { sessionIds: string[] } | { userId: string; exceptSessionId?: string };

/** Marks live sessions revoked; their tokens (access and refresh, browser cookie too) stop working at once. */
export async function revokeSessions(
  tx: Db,
  selector: Selector & { reason: string; now: Date },
): Promise<number> {
  const which =
    'sessionIds' in selector
      ? inArray(sessions.id, selector.sessionIds)
      : and(
          eq(sessions.userId, selector.userId),
          selector.exceptSessionId ? ne(sessions.id, selector.exceptSessionId) : undefined,
        );
  const revoked = await tx
    .update(sessions)
    .set({ revokedAt: selector.now, revokedReason: selector.reason })
    .where(and(which, isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}
