import 'server-only';
import type { Runtime } from '@/server/core/runtime';
import { deliverOutbox, type MailTransport } from '@/server/modules/mail/services/deliver-outbox';
import { scheduleRecurringJobs } from './recurring';
import { runDueJobs } from './run-due-jobs';

const TICK_MS = 1000;

/**
 * The one runner of background work, one per instance (several instances share the queue safely).
 * Each tick runs the due jobs, then sends due mail when SMTP is set. Mail delivery is a step of the
 * tick rather than a job kind: the outbox row already is a durable queue entry with its own claim,
 * attempts and backoff (and the state operations look at), so a job per message would only
 * duplicate that state; without SMTP the step is skipped and mail waits for /dev/mailbox.
 */
export async function startJobRunner(
  rt: Runtime,
  options: { transport?: MailTransport; tickMs?: number } = {},
) {
  await scheduleRecurringJobs(rt);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      await runDueJobs(rt, { transport: options.transport });
      if (options.transport) await deliverOutbox(rt, options.transport);
    } catch (error) {
      rt.log.error({ err: error }, 'jobs runner tick failed');
    }
  };
  const loop = () => {
    if (stopped) return;
    current = tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, options.tickMs ?? TICK_MS);
    });
  };
  loop();

  return {
    /** Waits for the running tick, so the database is not closed under it. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
