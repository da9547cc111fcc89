import 'server-only';
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { jobs } from '@/db/schema';
import { MINUTE } from '@/server/core/clock';

export type ClaimedJob = typeof jobs.$inferSelect;

/** How long a claim holds: past it, the runner is presumed dead and another one takes the job. */
export const LEASE_MS = 5 * MINUTE;
export const MAX_ATTEMPTS = 6;

/**
 * Claims up to `limit` due jobs in one statement: pending ones whose time has come, and running ones
 * whose lease ran out. SKIP LOCKED lets several instances claim at once without waiting on each
 * other or taking the same row; the attempt count doubles as the claim's fencing token.
 */
export async function claimDueJobs(db: Db, now: Date, limit: number): Promise<ClaimedJob[]> {
  const due = or(
    and(eq(jobs.status, 'pending'), lte(jobs.runAt, now)),
    and(eq(jobs.status, 'running'), lte(jobs.lockedUntil, now)),
  );
  const ids = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(due)
    .orderBy(asc(jobs.runAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(jobs)
    .set({
      status: 'running',
      lockedUntil: new Date(now.getTime() + LEASE_MS),
      attempts: sql`${jobs.attempts} + 1`,
    })
    .where(inArray(jobs.id, ids))
    .returning();
}

/** Still ours: running under the claim this runner made (no other runner took it over since). */
const ourClaim = (job: ClaimedJob) =>
  and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts));

export class JobClaimLost extends Error {
  constructor(job: ClaimedJob) {
    super(`job ${job.id} (${job.kind}) was claimed by another runner after its lease ran out`);
  }
}

/**
 * Marks the job done, or, for a recurring one, schedules its next run. A handler calls it inside its
 * own transaction so the work and the completion commit together; when another runner took the job
 * over meanwhile it throws, which rolls that work back instead of doing it twice.
 */
export async function completeJob(db: Db, job: ClaimedJob, now: Date, nextRunAt?: Date): Promise<void> {
  const done = await db
    .update(jobs)
    .set(
      nextRunAt
        ? { status: 'pending', runAt: nextRunAt, attempts: 0, lockedUntil: null, lastError: null }
        : { status: 'done', finishedAt: now, lockedUntil: null, lastError: null },
    )
    .where(ourClaim(job))
    .returning({ id: jobs.id });
  if (done.length === 0) throw new JobClaimLost(job);
}

/** Retries with an exponential pause (10 s, 20 s, … capped at an hour), then gives up as failed. */
export async function failJob(
  db: Db,
  job: ClaimedJob,
  now: Date,
  message: string,
  options: { retryBy?: Date } = {},
): Promise<void> {
  const final = job.attempts >= MAX_ATTEMPTS && !options.retryBy;
  const pause = Math.min(2 ** job.attempts * 5_000, 60 * MINUTE);
  const retryAt = new Date(
    Math.min(now.getTime() + pause, options.retryBy?.getTime() ?? Number.POSITIVE_INFINITY),
  );
  await db
    .update(jobs)
    .set(
      final
        ? { status: 'failed', finishedAt: now, lockedUntil: null, lastError: message.slice(0, 500) }
        : { status: 'pending', runAt: retryAt, lockedUntil: null, lastError: message.slice(0, 500) },
    )
    .where(ourClaim(job));
}
