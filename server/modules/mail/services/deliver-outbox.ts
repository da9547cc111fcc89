import 'server-only';
import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { outbox } from '@/db/schema';
import type { Runtime } from '@/server/core/runtime';
import { openEmail, type SealedContent } from '../seal';
import { readMailDelivery } from './mail-delivery';

export type MailTransport = {
  send(message: { from: string; to: string; subject: string; text: string; html?: string }): Promise<void>;
};

const MAX_ATTEMPTS = 8;
const BATCH = 20;

/**
 * Sends what is due and returns how many went out. Rows are claimed with SKIP LOCKED so several
 * instances can run the step; a failure is retried with a growing pause, then marked failed. A sent
 * or failed message is scrubbed (sealed set to null) in the same statement that records it; one whose
 * code or link has expired is not sent at all (the sweep marks it expired). While the deployment's
 * mail delivery is `outbox` (a preproduction reset turns it on), nothing is claimed: every message,
 * queued before the switch or after, stays in the outbox and never reaches the transport.
 */
export async function deliverOutbox(rt: Runtime, transport: MailTransport): Promise<number> {
  const due = await claimDueMail(rt);
  let sent = 0;
  for (const row of due) {
    let content: SealedContent | undefined;
    try {
      content = openEmail(rt.keys, { ...row, sealed: row.sealed! });
    } catch {
      // Sealed under another AUTH_SECRET (or altered): it can never be sent.
      await recordFailure(rt, row, 'the message cannot be opened with the current AUTH_SECRET', true);
      continue;
    }
    try {
      await transport.send({
        from: rt.config.mailFrom,
        to: row.to,
        subject: content.subject,
        text: content.text,
        ...(content.html ? { html: content.html } : {}),
      });
      await rt.db
        .update(outbox)
        .set({ status: 'sent', sentAt: rt.clock.now(), lastError: null, sealed: null })
        .where(eq(outbox.id, row.id));
      sent++;
    } catch (error) {
      const attempts = row.attempts + 1;
      rt.log.warn({ outboxId: row.id, attempts, err: (error as Error).message }, 'email delivery failed');
      await recordFailure(rt, row, (error as Error).message, attempts >= MAX_ATTEMPTS);
    }
  }
  return sent;
}

async function claimDueMail(rt: Runtime) {
  const now = rt.clock.now();
  return rt.db.transaction(async (tx) => {
    // The one place mail leaves: checked in the claim's transaction, under a share lock the
    // reset's switch waits for (and the reset locks the pending rows, which this claim skips).
    if ((await readMailDelivery(tx, { lock: true })) === 'outbox') return [];
    const rows = await tx
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.status, 'pending'),
          lte(outbox.nextAttemptAt, now),
          isNotNull(outbox.sealed),
          or(isNull(outbox.secretExpiresAt), gt(outbox.secretExpiresAt, now)),
        ),
      )
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
}

async function recordFailure(
  rt: Runtime,
  row: { id: string; attempts: number },
  message: string,
  final: boolean,
) {
  const attempts = row.attempts + 1;
  await rt.db
    .update(outbox)
    .set({
      status: final ? 'failed' : 'pending',
      lastError: message.slice(0, 500),
      nextAttemptAt: new Date(rt.clock.now().getTime() + 2 ** attempts * 1000),
      // Given up: nobody will send it, so nothing may keep its code or link.
      ...(final ? { sealed: null } : {}),
    })
    .where(eq(outbox.id, row.id));
}
