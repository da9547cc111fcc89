import 'server-only';
import type { Runtime } from '@/server/core/runtime';
import type { MailTransport } from '@/server/modules/mail/services/deliver-outbox';
import { type ClaimedJob, claimDueJobs, completeJob, failJob, JobClaimLost, MAX_ATTEMPTS } from './claim';
import { type JobHandler, jobHandlers } from './handlers';
import { nextRunOf } from './recurring';

const BATCH = 10;
/** One call never runs forever: what is still due after this many batches waits for the next tick. */
const MAX_BATCHES = 20;

/** `handlers` adds or replaces kinds (tests register their own). */
export type RunOptions = { transport?: MailTransport; handlers?: Record<string, JobHandler> };

const registered = jobHandlers as unknown as Record<string, JobHandler>;

/**
 * Runs every job that is due by the runtime clock and returns how many ran. The runner's loop calls
 * it every tick; tests call it directly (with a manual clock) instead of sleeping.
 */
export async function runDueJobs(rt: Runtime, options: RunOptions = {}): Promise<number> {
  let ran = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const claimed = await claimDueJobs(rt.db, rt.clock.now(), BATCH);
    for (const job of claimed) {
      await runJob(rt, job, options);
      ran++;
    }
    if (claimed.length < BATCH) break;
  }
  return ran;
}

async function runJob(rt: Runtime, job: ClaimedJob, options: RunOptions) {
  const nextRunAt = nextRunOf(job, rt.clock.now());
  if (job.attempts > MAX_ATTEMPTS && !nextRunAt) {
    // Claimed again and again without ever finishing: its runs die with their process.
    await failJob(rt.db, job, rt.clock.now(), 'the job never finished within its lease');
    return;
  }
  const handler = options.handlers?.[job.kind] ?? registered[job.kind];
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    await handler({ rt, job, transport: options.transport }, job.payload);
    // Handlers that complete inside their own transaction have already done so: then this finds
    // the job no longer running under our claim, which is fine.
    await completeJob(rt.db, job, rt.clock.now(), nextRunOf(job, rt.clock.now())).catch((error) => {
      if (!(error instanceof JobClaimLost)) throw error;
    });
  } catch (error) {
    if (error instanceof JobClaimLost) {
      rt.log.warn(
        { jobId: job.id, kind: job.kind },
        'job taken over by another runner; its work was rolled back',
      );
      return;
    }
    const message = (error as Error).message ?? String(error);
    rt.log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: message }, 'job failed');
    await failJob(rt.db, job, rt.clock.now(), message, { retryBy: nextRunOf(job, rt.clock.now()) });
  }
}
