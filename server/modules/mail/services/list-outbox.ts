import 'server-only';
import { desc } from 'drizzle-orm';
import { outbox } from '@/db/schema';
import type { Runtime } from '@/server/core/runtime';
import { openEmail } from '../seal';

/**
 * The newest messages of the outbox, for /dev/mailbox: a local run without SMTP keeps its mail
 * here, and this is how a developer reads a sign-in code. Only development pages may call it.
 * Bodies are opened here; a scrubbed one (sent, failed or expired) says so instead.
 */
export async function listOutbox(rt: Runtime, options: { limit?: number } = {}) {
  const rows = await rt.db
    .select({
      id: outbox.id,
      to: outbox.to,
      sealed: outbox.sealed,
      kind: outbox.kind,
      status: outbox.status,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(Math.min(options.limit ?? 50, 200));
  return rows.map(({ sealed, ...row }) => ({
    ...row,
    ...readable(rt, { ...row, sealed }),
    createdAt: row.createdAt.toISOString(),
  }));
}

function readable(rt: Runtime, row: { id: string; to: string; kind: string; sealed: string | null }) {
  const scrubbed = { subject: `(${row.kind}, content removed)`, text: '', scrubbed: true };
  if (!row.sealed) return scrubbed;
  try {
    const { subject, text } = openEmail(rt.keys, { ...row, sealed: row.sealed });
    return { subject, text, scrubbed: false };
  } catch {
    return scrubbed; // sealed under another AUTH_SECRET
  }
}

export type OutboxMessage = Awaited<ReturnType<typeof listOutbox>>[number];
