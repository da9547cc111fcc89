import 'server-only';
import { uuidv7 } from 'uuidv7';
import { jobs } from '@/db/schema';
import { MINUTE } from '@/server/core/clock';
import type { Runtime } from '@/server/core/runtime';
import type { JobKind } from './kinds';

/**
 * Jobs that come back on their own: each is one row (unique by kind through `uniqueKey`), which
 * its run reschedules, so every instance may schedule it at start and still only one row exists.
 */
const recurringJobs: Partial<Record<JobKind, { everyMs: number }>> = {
  'maintenance.sweep': { everyMs: 5 * MINUTE },
};

/** Called by each instance at start; an existing row (another instance's, or an earlier start's) wins. */
export async function scheduleRecurringJobs(rt: Runtime): Promise<void> {
  const now = rt.clock.now();
  for (const kind of Object.keys(recurringJobs)) {
    await rt.db
      .insert(jobs)
      .values({ id: uuidv7(), kind, payload: {}, runAt: now, createdAt: now, uniqueKey: kind })
      .onConflictDoNothing({ target: jobs.uniqueKey });
  }
}

/** When a recurring job runs next after a run at `now`; undefined for a one-off job. */
export function nextRunOf(job: { kind: string; uniqueKey: string | null }, now: Date): Date | undefined {
  const recurring = recurringJobs[job.kind as JobKind];
  if (!recurring || job.uniqueKey !== job.kind) return undefined;
  return new Date(now.getTime() + recurring.everyMs);
}
