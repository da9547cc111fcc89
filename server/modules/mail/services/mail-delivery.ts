import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { platformSettings } from '@/db/schema';

/** `normal`: the runner hands due mail to the transport; `outbox`: every message stays in the outbox. */
export type MailDelivery = 'normal' | 'outbox';

const KEY = 'mail.delivery';

/**
 * The deployment's mail delivery mode (no row: normal). `lock` takes a share lock on the row so a
 * reset switching it waits for a claim in progress, and the claim after it sees the switch.
 */
export async function readMailDelivery(db: Db, options: { lock?: boolean } = {}): Promise<MailDelivery> {
  const query = db
    .select({ value: platformSettings.value })
    .from(platformSettings)
    .where(eq(platformSettings.key, KEY));
  const [row] = options.lock ? await query.for('share') : await query;
  return row?.value === 'outbox' ? 'outbox' : 'normal';
}

/** Switches the mode in the caller's transaction (the preproduction reset holds all mail with it). */
export async function setMailDelivery(tx: Db, mode: MailDelivery, by: string, now: Date) {
  await tx
    .insert(platformSettings)
    .values({ key: KEY, value: mode, updatedBy: by, updatedAt: now })
    .onConflictDoUpdate({
      target: platformSettings.key,
      set: { value: mode, updatedBy: by, updatedAt: now },
    });
}
