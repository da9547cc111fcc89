import 'server-only';
import type { Runtime } from '@/server/core/runtime';
import { sendLoginCode } from '@/server/modules/auth/services/send-login-code';
import { sendPasswordReset } from '@/server/modules/auth/services/send-password-reset';
import { runLocationImportJob } from '@/server/modules/locations/bulk/run-import-job';
import type { MailTransport } from '@/server/modules/mail/services/deliver-outbox';
import { runRenderJob } from '@/server/modules/reports/services/run-render-job';
import { type ClaimedJob, completeJob } from './claim';
import type { JobKind, PayloadOf } from './kinds';
import { sweepExpiredRows } from './sweep-expired-rows';

export type JobContext = { rt: Runtime; job: ClaimedJob; transport?: MailTransport };
export type JobHandler<K extends string = string> = (ctx: JobContext, payload: PayloadOf<K>) => Promise<void>;
export type JobHandlers = { [K in JobKind]: JobHandler<K> };

/**
 * What each kind does. The mail kinds resolve the user, write the code or token and queue the mail in
 * one transaction that also completes the job, so a crash never sends a second code.
 */
export const jobHandlers: JobHandlers = {
  'mail.login-code': async ({ rt, job }, { email, request }) => {
    await rt.db.transaction(async (tx) => {
      await sendLoginCode({ rt, db: tx, meta: request, principal: null }, email);
      await completeJob(tx, job, rt.clock.now());
    });
  },
  'mail.password-reset': async ({ rt, job }, { email, request }) => {
    await rt.db.transaction(async (tx) => {
      await sendPasswordReset({ rt, db: tx, meta: request, principal: null }, email);
      await completeJob(tx, job, rt.clock.now());
    });
  },
  'locations.import': runLocationImportJob,
  'reports.render': runRenderJob,
  'maintenance.sweep': async ({ rt }) => {
    await sweepExpiredRows(rt);
  },
};
