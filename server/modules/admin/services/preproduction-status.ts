import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { auditEvents, users } from '@/db/schema';
import type { UserContext } from '@/server/core/context';
import { readMailDelivery } from '@/server/modules/mail/services/mail-delivery';
import type { PreproductionResetSummary, PreproductionStatus } from '../preproduction/schemas';
import { freshUntil, resetAvailable } from './reset-preproduction';

/** The console's page: which environment, whether this caller may reset now, mail, the last reset. */
export async function preproductionStatus(ctx: UserContext): Promise<PreproductionStatus> {
  const { rt } = ctx;
  const until = freshUntil(ctx);
  const [last] = await ctx.db
    .select({ at: auditEvents.at, data: auditEvents.data, byId: users.id, byEmail: users.email })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(eq(auditEvents.action, 'preproduction.reset'))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(1);
  return {
    environment: rt.config.appEnv,
    resetAvailable: resetAvailable(rt),
    freshSignIn:
      rt.clock.now() <= until
        ? { signedInAt: ctx.principal.session.authenticatedAt.toISOString(), freshUntil: until.toISOString() }
        : null,
    mailDelivery: await readMailDelivery(ctx.db),
    lastReset: last
      ? {
          at: last.at.toISOString(),
          by: last.byId && last.byEmail ? { _id: last.byId, email: last.byEmail } : null,
          summary: last.data as Partial<PreproductionResetSummary>,
        }
      : null,
  };
}
