import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jobs } from '@/db/schema';
import { MINUTE } from '@/server/core/clock';
import { claimDueJobs, completeJob, LEASE_MS, MAX_ATTEMPTS } from '@/server/jobs/claim';
import { enqueueJob } from '@/server/jobs/enqueue-job';
import type { JobHandler } from '@/server/jobs/handlers';
import { scheduleRecurringJobs } from '@/server/jobs/recurring';
import { runDueJobs } from '@/server/jobs/run-due-jobs';
import { raceTest } from '../helpers/race';
import { testRuntime } from '../helpers/runtime';

const rt = testRuntime();

const jobRow = async (id: string) => (await rt.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;

/** A handler that records each payload it is given and fails while `failures` is above zero. */
function recorder(failures = 0) {
  const seen: unknown[] = [];
  let left = failures;
  const handler: JobHandler = async (_ctx, payload) => {
    seen.push(payload);
    if (left-- > 0) throw new Error('flaky test handler');
  };
  return { seen, handler };
}

describe('jobs runner', () => {
  it('runs a job queued in a transaction once, when its time comes, and marks it done', async () => {
    const { seen, handler } = recorder();
    const id = await rt.db.transaction((tx) =>
      enqueueJob(
        tx,
        'test.later',
        { n: 1 },
        { now: rt.clock.now(), runAt: new Date(rt.clock.now().getTime() + MINUTE) },
      ),
    );
    await runDueJobs(rt, { handlers: { 'test.later': handler } });
    expect(seen).toEqual([]);

    rt.clock.advance(MINUTE);
    await runDueJobs(rt, { handlers: { 'test.later': handler } });
    await runDueJobs(rt, { handlers: { 'test.later': handler } });
    expect(seen).toEqual([{ n: 1 }]);
    expect(await jobRow(id)).toMatchObject({
      status: 'done',
      attempts: 1,
      lastError: null,
      lockedUntil: null,
    });
  });

  it('does not queue the job when the transaction that asked for it rolls back', async () => {
    let id = '';
    await rt.db
      .transaction(async (tx) => {
        id = await enqueueJob(tx, 'test.rollback', {}, { now: rt.clock.now() });
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(await rt.db.select().from(jobs).where(eq(jobs.id, id))).toEqual([]);
  });

  it('retries a failing job after a growing pause, then runs it to success', async () => {
    const { seen, handler } = recorder(2);
    const handlers = { 'test.flaky': handler };
    const id = await enqueueJob(rt.db, 'test.flaky', {}, { now: rt.clock.now() });
    await runDueJobs(rt, { handlers });
    const first = await jobRow(id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: 'flaky test handler' });
    const firstPause = first.runAt.getTime() - rt.clock.now().getTime();
    expect(firstPause).toBeGreaterThan(0);

    await runDueJobs(rt, { handlers }); // not due yet
    expect(seen).toHaveLength(1);
    rt.clock.set(first.runAt);
    await runDueJobs(rt, { handlers });
    const second = await jobRow(id);
    expect(second.runAt.getTime() - rt.clock.now().getTime()).toBeGreaterThan(firstPause);

    rt.clock.set(second.runAt);
    await runDueJobs(rt, { handlers });
    expect(seen).toHaveLength(3);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 3, lastError: null });
  });

  it(`gives a job up as failed after ${MAX_ATTEMPTS} attempts`, async () => {
    const { seen, handler } = recorder(100);
    const id = await enqueueJob(rt.db, 'test.doomed', {}, { now: rt.clock.now() });
    for (let i = 0; i < MAX_ATTEMPTS + 3; i++) {
      await runDueJobs(rt, { handlers: { 'test.doomed': handler } });
      rt.clock.advance(2 * 60 * MINUTE);
    }
    expect(seen).toHaveLength(MAX_ATTEMPTS);
    expect(await jobRow(id)).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      lastError: 'flaky test handler',
    });
    expect((await jobRow(id)).finishedAt).not.toBeNull();
  });

  it('retries a job of a kind this instance has no handler for instead of dropping it', async () => {
    const id = await enqueueJob(rt.db, 'test.unknown-kind', {}, { now: rt.clock.now() });
    await runDueJobs(rt);
    expect(await jobRow(id)).toMatchObject({
      status: 'pending',
      lastError: 'no handler for job kind test.unknown-kind',
    });
  });

  it('takes over a job whose runner died holding the claim, once the lease runs out', async () => {
    const { seen, handler } = recorder();
    const handlers = { 'test.orphan': handler };
    const id = await enqueueJob(rt.db, 'test.orphan', { once: true }, { now: rt.clock.now() });
    // A runner claims it and dies before running it.
    const claimed = await claimDueJobs(rt.db, rt.clock.now(), 100);
    expect(claimed.map((j) => j.id)).toContain(id);

    await runDueJobs(rt, { handlers });
    expect(seen).toEqual([]); // the lease still holds

    rt.clock.advance(LEASE_MS);
    await runDueJobs(rt, { handlers });
    expect(seen).toEqual([{ once: true }]);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('rolls back the work of a runner that lost its claim to another one, so it is done once', async () => {
    const id = await enqueueJob(rt.db, 'test.slow', {}, { now: rt.clock.now() });
    const marker = `claim-lost-${id}`;
    const slow: JobHandler = async ({ job }) => {
      // This runner stalls past its lease; another one takes the job over meanwhile.
      rt.clock.advance(LEASE_MS);
      const [takenOver] = await claimDueJobs(rt.db, rt.clock.now(), 100).then((all) =>
        all.filter((j) => j.id === id),
      );
      expect(takenOver).toBeDefined();
      await rt.db.transaction(async (tx) => {
        await tx.insert(jobs).values({ kind: marker, runAt: rt.clock.now(), createdAt: rt.clock.now() });
        await completeJob(tx, job, rt.clock.now());
      });
    };
    await runDueJobs(rt, { handlers: { 'test.slow': slow } });
    expect(await rt.db.select().from(jobs).where(eq(jobs.kind, marker))).toEqual([]);
    expect(await jobRow(id)).toMatchObject({ status: 'running', attempts: 2 });
  });

  raceTest('runs each job exactly once when several runners claim at the same time', async () => {
    const { seen, handler } = recorder();
    const handlers = { 'test.parallel': handler };
    const ids = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        enqueueJob(rt.db, 'test.parallel', { n }, { now: rt.clock.now() }),
      ),
    );
    await Promise.all(Array.from({ length: 4 }, () => runDueJobs(rt, { handlers })));
    expect(seen.map((p) => (p as { n: number }).n).sort((a, b) => a - b)).toEqual(ids.map((_, n) => n));
    for (const id of ids) expect((await jobRow(id)).status).toBe('done');
  });
});

describe('recurring jobs', () => {
  raceTest(
    'keeps one row per recurring kind however many instances schedule it, and reschedules it after each run',
    async () => {
      await Promise.all([scheduleRecurringJobs(rt), scheduleRecurringJobs(rt), scheduleRecurringJobs(rt)]);
      const rows = await rt.db.select().from(jobs).where(eq(jobs.kind, 'maintenance.sweep'));
      expect(rows).toHaveLength(1);

      const { seen, handler } = recorder();
      await runDueJobs(rt, { handlers: { 'maintenance.sweep': handler } });
      expect(seen).toHaveLength(1);
      const [after] = await rt.db.select().from(jobs).where(eq(jobs.kind, 'maintenance.sweep'));
      expect(after).toMatchObject({ status: 'pending', attempts: 0, id: rows[0]!.id });
      expect(after!.runAt.getTime()).toBe(rt.clock.now().getTime() + 5 * MINUTE);

      await scheduleRecurringJobs(rt); // a later start changes nothing
      expect(await rt.db.select().from(jobs).where(eq(jobs.kind, 'maintenance.sweep'))).toHaveLength(1);
      rt.clock.advance(5 * MINUTE);
      await runDueJobs(rt, { handlers: { 'maintenance.sweep': handler } });
      expect(seen).toHaveLength(2);
    },
  );
});
