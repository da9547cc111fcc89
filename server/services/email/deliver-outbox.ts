import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { outbox } from '@/db/schema';
import type { Runtime } from '../../runtime';

export type MailTransport = {
  send(message: { from: string; to: string; subject: string; text: string }): Promise<void>;
};

const MAX_ATTEMPTS = 8;
const BATCH = 20;

/**
 * Sends what is due and returns how many went out. Rows are claimed with SKIP LOCKED so several
 * instances can run the worker; a failure is retried with a growing pause, then marked failed.
 */
export async function deliverOutbox(rt: Runtime, transport: MailTransport): Promise<number> {
  const now = rt.clock.now();
  const due = await rt.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
      .orderBy(asc(outbox.createdAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return rows;
    // Claim: push the rows out of every other worker's view while this one sends them.
    await tx
      .update(outbox)
      .set({ nextAttemptAt: new Date(now.getTime() + 5 * 60_000), attempts: sql`${outbox.attempts} + 1` })
      .where(
        inArray(
          outbox.id,
          rows.map((r) => r.id),
        ),
      );
    return rows;
  });
  let sent = 0;
  for (const row of due) {
    try {
      await transport.send({ from: rt.config.mailFrom, to: row.to, subject: row.subject, text: row.text });
      await rt.db
        .update(outbox)
        .set({ status: 'sent', sentAt: rt.clock.now(), lastError: null })
        .where(eq(outbox.id, row.id));
      sent++;
    } catch (error) {
      const attempts = row.attempts + 1;
      const failed = attempts >= MAX_ATTEMPTS;
      rt.log.warn({ outboxId: row.id, attempts, err: (error as Error).message }, 'email delivery failed');
      await rt.db
        .update(outbox)
        .set({
          status: failed ? 'failed' : 'pending',
          lastError: (error as Error).message.slice(0, 500),
          nextAttemptAt: new Date(rt.clock.now().getTime() + 2 ** attempts * 1000),
        })
        .where(eq(outbox.id, row.id));
    }
  }
  return sent;
}
