import { desc } from 'drizzle-orm';
import { outbox } from '@/db/schema';
import type { Runtime } from '../../runtime';

/**
 * The newest messages of the outbox, for /dev/mailbox: a local run without SMTP keeps its mail
 * here, and this is how a developer reads a sign-in code. Only development pages may call it.
 */
export async function listOutbox(rt: Runtime, options: { limit?: number } = {}) {
  const rows = await rt.db
    .select({
      id: outbox.id,
      to: outbox.to,
      subject: outbox.subject,
      text: outbox.text,
      kind: outbox.kind,
      status: outbox.status,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(Math.min(options.limit ?? 50, 200));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

export type OutboxMessage = Awaited<ReturnType<typeof listOutbox>>[number];
