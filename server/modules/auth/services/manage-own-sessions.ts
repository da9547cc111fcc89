import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { sessions } from '@/db/schema';
import type { ActorContext } from '@/server/core/context';
import { AppError } from '@/server/core/errors';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { presentSession } from './presenters';
import { revokeSessions } from './revoke-sessions';

export async function listOwnSessions(ctx: ActorContext) {
  const rows = await ctx.rt.db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, ctx.actor.userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, ctx.rt.clock.now()),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt))
    .limit(200);
  return { items: rows.map((s) => presentSession(s, ctx.actor.sessionId)) };
}

/** Ends one of the caller's own sessions; another user's session id is 404 like a missing one. */
export async function revokeOwnSession(ctx: ActorContext, sessionId: string) {
  await ctx.rt.db.transaction(async (tx) => {
    const [own] = await tx
      .select({ id: sessions.id })
      .from(sessions)
      .where(
        and(eq(sessions.id, sessionId), eq(sessions.userId, ctx.actor.userId), isNull(sessions.revokedAt)),
      );
    if (!own) throw new AppError('NOT_FOUND', 'No such session.');
    await revokeSessions(tx, { sessionIds: [own.id], reason: 'revoked-by-user', now: ctx.rt.clock.now() });
    await recordAuditEvent(tx, ctx.meta, {
      action: sessionId === ctx.actor.sessionId ? 'auth.logout' : 'auth.session.revoked',
      actorUserId: ctx.actor.userId,
      subjectUserId: ctx.actor.userId,
      targetType: 'session',
      targetId: sessionId,
    });
  });
}

export async function logout(ctx: ActorContext) {
  await revokeOwnSession(ctx, ctx.actor.sessionId);
}
