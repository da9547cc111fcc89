import 'server-only';
import type { RequestMeta } from '@/server/core/context';
import type { JobContext } from '@/server/jobs/handlers';
import { renderStoredReport } from './render-stored-report';

/**
 * The job of one large report: renders it outside any transaction and stores it (the runner
 * completes the job). A render that fails marks the report failed, which ends the job too: the
 * same data would fail again. A run that dies leaves it rendering; the retry takes it again.
 */
export async function runRenderJob(
  { rt }: JobContext,
  { reportId, request }: { reportId: string; request: RequestMeta },
) {
  await renderStoredReport({ db: rt.db, rt, meta: request }, reportId, { retry: true });
}
