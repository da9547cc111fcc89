import 'server-only';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { sessions } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { transaction } from '@/server/core/transactions';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { presentSession } from './presenters';
import { revokeSessions } from './revoke-sessions';

export async function listOwnSessions(ctx: UserContext) {
  const rows = await ctx.db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, ctx.principal.userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, ctx.rt.clock.now()),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt))
    .limit(200);
  return { items: rows.map((s) => presentSession(s, ctx.principal.session.id)) };
}

/** Ends one of the caller's own sessions; another user's session id is 404 like a missing one. */
export async function revokeOwnSession(ctx: UserContext, sessionId: string) {
  await transaction(ctx, async (ctx) => {
    const [own] = await ctx.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(
        and(
          eq(sessions.id, sessionId),
          eq(sessions.userId, ctx.principal.userId),
          isNull(sessions.revokedAt),
        ),
      );
    if (!own) throw new AppError('NOT_FOUND', 'No such session.');
    await revokeSessions(ctx.db, {
      sessionIds: [own.id],
      reason: 'revoked-by-user',
      now: ctx.rt.clock.now(),
    });
    await recordAuditEvent(ctx.db, ctx.meta, {
      action: sessionId === ctx.principal.session.id ? 'auth.logout' : 'auth.session.revoked',
      actorUserId: ctx.principal.userId,
      subjectUserId: ctx.principal.userId,
      targetType: 'session',
      targetId: sessionId,
    });
  });
}

export async function logout(ctx: UserContext) {
  await revokeOwnSession(ctx, ctx.principal.session.id);
}

/**
 * "Sign out all other sessions": every live session of the caller but the current one ends, with
 * its refresh token (a refresh of an ended session is refused). Returns how many ended.
 */
export async function revokeOtherSessions(ctx: UserContext) {
  return transaction(ctx, async (ctx) => {
    const revoked = await revokeSessions(ctx.db, {
      userId: ctx.principal.userId,
      exceptSessionId: ctx.principal.session.id,
      reason: 'revoked-by-user',
      now: ctx.rt.clock.now(),
    });
    await recordAuditEvent(ctx.db, ctx.meta, {
      action: 'auth.sessions.revoked_others',
      actorUserId: ctx.principal.userId,
      subjectUserId: ctx.principal.userId,
      targetType: 'session',
      targetId: ctx.principal.session.id,
      data: { revoked },
    });
    return { revoked };
  });
}
