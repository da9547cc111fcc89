import type { Db } from '@/db/client';
import { outbox } from '@/db/schema';
import type { Email } from '../../email/templates';

/**
 * Mail goes into the outbox in the caller's transaction; the worker sends it later.
 * No request waits on SMTP, so response time never tells whether an address exists.
 */
export async function enqueueEmail(tx: Db, to: string, email: Email): Promise<void> {
  await tx.insert(outbox).values({ to, kind: email.kind, subject: email.subject, text: email.text });
}
