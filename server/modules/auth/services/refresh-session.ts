import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { refreshTokens, sessions, users } from '@/db/schema';
import type { RequestContext } from '@/server/core/context';
import { randomToken, sha256 } from '@/server/core/crypto';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { REFRESH_TOKEN_TTL_MS } from '../tokens';
import { revokeSessions } from './revoke-sessions';
import { issueTokenPair, presentTokenPair, type TokenPair } from './start-session';

/**
 * Spends the refresh token and issues a new pair. A token that was already spent means it leaked
 * (or raced): the whole session is revoked and the caller must sign in again.
 */
export async function refreshSession(ctx: RequestContext, refreshToken: string): Promise<TokenPair> {
  const { rt, meta } = ctx;
  // A live token rotates before any counter is touched: a refresh token is 256 random bits, so
  // the limit guards the database against floods of bad tokens, not against guessing, and a
  // burst that reaches this statement at once cannot find a token by it.
  const fast = await rotateInOneStatement(ctx, refreshToken);
  if (fast) return fast;
  const attempt = await rt.limiter.reserve('refresh', { ip: meta.ip });
  const now = rt.clock.now();
  // The token was not live: find out why, in a transaction (spent, expired, revoked, unknown).
  const outcome = await transaction(ctx, async (ctx) => {
    const [row] = await ctx.db
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
    const spent = await ctx.db
      .update(refreshTokens)
      .set({ spentAt: now })
      .where(and(eq(refreshTokens.tokenHash, row.token.tokenHash), isNull(refreshTokens.spentAt)))
      .returning({ sessionId: refreshTokens.sessionId });
    if (spent.length === 0) {
      await revokeSessions(ctx.db, {
        sessionIds: [row.token.sessionId],
        reason: 'refresh-token-reused',
        now,
      });
      await recordAuditEvent(ctx.db, meta, {
        action: 'auth.refresh.reused',
        subjectUserId: row.userId,
        targetType: 'session',
        targetId: row.token.sessionId,
      });
      return { error: 'TOKEN_REUSED' as const };
    }
    const [live] = await ctx.db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(
        and(eq(sessions.id, row.token.sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)),
      )
      .returning({ id: sessions.id });
    if (!live) return { error: 'INVALID_TOKEN' as const };
    return { error: undefined, tokens: await issueTokenPair(ctx.db, ctx, live.id) };
  });
  if (outcome.error !== undefined) throw new AppError(outcome.error);
  await attempt.succeeded();
  return outcome.tokens;
}

/**
 * The common case in one statement (one round trip, one commit): spend a live token of a live
 * session, extend the session and store the next token. Concurrent calls with the same token
 * queue on the token's row lock; the loser finds it spent and takes the slow path (TOKEN_REUSED).
 * Returns null when the token was not live.
 */
async function rotateInOneStatement(ctx: RequestContext, refreshToken: string): Promise<TokenPair | null> {
  const { rt } = ctx;
  const now = rt.clock.now();
  const next = randomToken(32);
  const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_MS);
  const at = sql`${now.toISOString()}::timestamptz`;
  const until = sql`${expiresAt.toISOString()}::timestamptz`;
  const hash = sha256(refreshToken);
  const result = await ctx.db.execute(sql`
    with live as (
      select s.id from ${refreshTokens} t
        join ${sessions} s on s.id = t.session_id
        join ${users} u on u.id = s.user_id
      where t.token_hash = ${hash} and t.spent_at is null and t.expires_at > ${at}
        and s.revoked_at is null and s.expires_at > ${at} and u.status = 'active'
    ), spent as (
      update ${refreshTokens} set spent_at = ${at}
      where token_hash = ${hash} and spent_at is null and session_id in (select id from live)
      returning session_id
    ), touched as (
      update ${sessions} set last_seen_at = ${at}, expires_at = ${until}
      where id in (select session_id from spent)
      returning id
    )
    insert into ${refreshTokens} (token_hash, session_id, created_at, expires_at)
    select ${sha256(next)}, id, ${at}, ${until} from touched
    returning session_id`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    session_id: string;
  }[];
  const sessionId = rows[0]?.session_id;
  if (!sessionId) return null;
  return presentTokenPair(ctx, { sessionId, refreshToken: next, refreshTokenExpiresAt: expiresAt, now });
}
