import { and, eq, gt, isNull } from 'drizzle-orm';
import { refreshTokens, sessions, users } from '@/db/schema';
import { sha256 } from '../../auth/crypto';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { revokeSessions } from './revoke-sessions';
import { issueTokenPair, type TokenPair } from './start-session';

/**
 * Spends the refresh token and issues a new pair. A token that was already spent means it leaked
 * (or raced): the whole session is revoked and the caller must sign in again.
 */
export async function refreshSession(ctx: ServiceContext, refreshToken: string): Promise<TokenPair> {
  const { rt, meta } = ctx;
  await rt.limiter.assertAllowed('refresh', meta.ip);
  const now = rt.clock.now();
  const outcome = await rt.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        token: refreshTokens,
        userId: sessions.userId,
        revokedAt: sessions.revokedAt,
        userStatus: users.status,
      })
      .from(refreshTokens)
      .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(refreshTokens.tokenHash, sha256(refreshToken)));
    if (!row || row.revokedAt || row.userStatus !== 'active') return { error: 'INVALID_TOKEN' as const };
    if (row.token.expiresAt <= now) return { error: 'INVALID_TOKEN' as const };
    const spent = await tx
      .update(refreshTokens)
      .set({ spentAt: now })
      .where(and(eq(refreshTokens.tokenHash, row.token.tokenHash), isNull(refreshTokens.spentAt)))
      .returning({ sessionId: refreshTokens.sessionId });
    if (spent.length === 0) {
      await revokeSessions(tx, { sessionIds: [row.token.sessionId], reason: 'refresh-token-reused', now });
      await recordAuditEvent(tx, meta, {
        action: 'auth.refresh.reused',
        subjectUserId: row.userId,
        targetType: 'session',
        targetId: row.token.sessionId,
      });
      return { error: 'TOKEN_REUSED' as const };
    }
    const [live] = await tx
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(
        and(eq(sessions.id, row.token.sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)),
      )
      .returning({ id: sessions.id });
    if (!live) return { error: 'INVALID_TOKEN' as const };
    return { error: undefined, tokens: await issueTokenPair(tx, ctx, live.id) };
  });
  if (outcome.error !== undefined) {
    await rt.limiter.recordFailure('refresh', meta.ip);
    throw new AppError(outcome.error);
  }
  return outcome.tokens;
}
