import type { Db } from '@/db/client';
import { outbox } from '@/db/schema';
import type { Email } from '../../email/templates';

/**
 * Mail goes into the outbox in the caller's transaction; the worker sends it later.
 * No request waits on SMTP, so response time never tells whether an address exists.
 * `now` is the runtime clock's time: the worker compares nextAttemptAt with that clock, so the
 * database's own now() would leave mail waiting (forever, under a test's manual clock).
 */
export async function enqueueEmail(tx: Db, to: string, email: Email, now: Date): Promise<void> {
  await tx.insert(outbox).values({
    to,
    kind: email.kind,
    subject: email.subject,
    text: email.text,
    createdAt: now,
    nextAttemptAt: now,
  });
}
