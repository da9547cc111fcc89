import 'server-only';
import { uuidv7 } from 'uuidv7';
import type { Db } from '@/db/client';
import { outbox } from '@/db/schema';
import type { Keys } from '@/server/core/crypto';
import { sealEmail } from '../seal';
import type { Email } from '../templates';

/**
 * Mail goes into the outbox in the caller's transaction; the jobs runner sends it later.
 * No request waits on SMTP, so response time never tells whether an address exists.
 * The subject and body are sealed (server/email/seal.ts); `to`, kind and status stay in clear for
 * operations. `now` is the runtime clock's time: the runner compares nextAttemptAt and
 * secretExpiresAt with that clock, so the database's own now() would leave mail waiting (forever,
 * under a test's manual clock).
 */
export async function enqueueEmail(
  tx: Db,
  rt: { keys: Pick<Keys, 'outboxEncryption'> },
  to: string,
  email: Email,
  now: Date,
): Promise<void> {
  const id = uuidv7();
  const content = { subject: email.subject, text: email.text, html: email.html ?? null };
  await tx.insert(outbox).values({
    id,
    to,
    kind: email.kind,
    sealed: sealEmail(rt.keys, { id, to, kind: email.kind }, content),
    secretExpiresAt: email.secretExpiresAt ?? null,
    createdAt: now,
    nextAttemptAt: now,
  });
}
