import 'server-only';
import { uuidv7 } from 'uuidv7';
import type { Db } from '@/db/client';
import { jobs } from '@/db/schema';
import type { PayloadOf } from './kinds';

/**
 * Queues a job in the caller's transaction, so it exists exactly when the work that asked for it
 * committed. `now` and `runAt` come from the runtime clock (the runner compares with that clock).
 */
export async function enqueueJob<K extends string>(
  tx: Db,
  kind: K,
  payload: PayloadOf<K>,
  options: { now: Date; runAt?: Date },
): Promise<string> {
  const id = uuidv7();
  await tx.insert(jobs).values({
    id,
    kind,
    payload: payload as Record<string, unknown>,
    runAt: options.runAt ?? options.now,
    createdAt: options.now,
  });
  return id;
}
