import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditEvents, jobs, locationImports } from '@/db/schema';
import { DAY } from '@/server/core/clock';
import { runDueJobs } from '@/server/jobs/run-due-jobs';
import { sweepExpiredRows } from '@/server/jobs/sweep-expired-rows';
import { PROGRESS_EVERY, validateLocationCsv } from '@/server/modules/locations/bulk/validate-csv';
import { MAX_CSV_BYTES } from '@/server/modules/locations/schemas';
import { callerAs } from '../helpers/callers';
import { createProfileRow, createTenant } from '../helpers/organizations';
import { expectRefused } from '../helpers/refusals';
import { testRuntime } from '../helpers/runtime';
import { csvOf, locationCount, rowOf, validRows } from './bulk-support';

const rt = testRuntime();

async function tenantWithCaller() {
  const tenant = await createTenant(rt);
  return { ...tenant, caller: callerAs(rt, tenant.adminCtx) };
}

/** The database, recording the values of every UPDATE of location_imports made through it. */
function recordingImportWrites(db: Db, writes: Record<string, unknown>[]): Db {
  return new Proxy(db, {
    get(target, key, receiver) {
      if (key !== 'update') return Reflect.get(target, key, receiver);
      return (table: Parameters<Db['update']>[0]) => {
        const builder = target.update(table);
        if (table !== locationImports) return builder;
        return new Proxy(builder, {
          get: (b, k, r) =>
            k === 'set'
              ? (values: Record<string, unknown>) => {
                  writes.push(values);
                  return b.set(values);
                }
              : Reflect.get(b, k, r),
        });
      };
    },
  });
}

const importRow = async (id: string) =>
  (await rt.db.select().from(locationImports).where(eq(locationImports.id, id)))[0];

describe('location import as a job (the browser path)', () => {
  it('starts pending with the file kept, then validates and imports it when the runner takes the job', async () => {
    const t = await tenantWithCaller();
    const rows = PROGRESS_EVERY * 2 + 500;
    const { importId } = await t.caller.locations.importStart({
      profileId: t.profile.id,
      csv: csvOf(validRows(rows)),
    });
    const status = () => t.caller.locations.importStatus({ profileId: t.profile.id, _id: importId });
    expect(await status()).toMatchObject({ status: 'pending', totalRows: 0, processedRows: 0, errors: [] });
    expect((await importRow(importId))!.source).toContain('Site 00001');
    expect(await locationCount(rt, t.profile.id)).toBe(0);

    // The import's own writes, in order, as the runner makes them (the last one, done, is in the
    // transaction that inserts the rows).
    const writes: Record<string, unknown>[] = [];
    await runDueJobs({ ...rt, db: recordingImportWrites(rt.db, writes) });
    expect(writes).toMatchObject([
      { status: 'validating', totalRows: rows, processedRows: 0 },
      { processedRows: PROGRESS_EVERY },
      { processedRows: PROGRESS_EVERY * 2 },
      { status: 'importing', processedRows: rows },
    ]);

    const done = await status();
    expect(done).toMatchObject({
      status: 'done',
      totalRows: rows,
      processedRows: rows,
      imported: rows,
      errors: [],
      finishedAt: expect.any(String),
    });
    expect(await locationCount(rt, t.profile.id)).toBe(rows);
    const stored = (await importRow(importId))!;
    expect(stored.source).toBeNull();
    const [job] = await rt.db.select().from(jobs).where(eq(jobs.kind, 'locations.import'));
    expect(job).toMatchObject({ status: 'done', payload: { importId } });
    const [event] = await rt.db.select().from(auditEvents).where(eq(auditEvents.action, 'location.imported'));
    expect(event).toMatchObject({ actorUserId: t.admin.id, data: { count: rows, importId } });
  });

  it(`reports progress every ${PROGRESS_EVERY} rows while it validates`, async () => {
    const t = await tenantWithCaller();
    const reported: number[] = [];
    const csv = Buffer.from(csvOf(validRows(PROGRESS_EVERY * 2 + 1)));
    await validateLocationCsv(rt.db, t.profile.id, csv, async (n) => {
      reported.push(n);
    });
    expect(reported).toEqual([PROGRESS_EVERY, PROGRESS_EVERY * 2]);
  });

  it('ends failed with every bad row kept (also as a CSV to download), imports nothing and clears the file', async () => {
    const t = await tenantWithCaller();
    const csv = csvOf([
      rowOf({ name: 'Good' }),
      rowOf({ name: 'Bad', type: 'nope' }),
      rowOf({ name: '=Bad2', country: 'ZZ' }),
    ]);
    const { importId } = await t.caller.locations.importStart({ profileId: t.profile.id, csv });
    await runDueJobs(rt);
    const failed = await t.caller.locations.importStatus({ profileId: t.profile.id, _id: importId });
    expect(failed).toMatchObject({
      status: 'failed',
      totalRows: 3,
      processedRows: 3,
      imported: 0,
      errors: [
        { line: 3, path: 'type', message: expect.stringMatching(/^must be one of/) },
        { line: 4, path: 'country', message: expect.stringMatching(/^must be an ISO 3166-1/) },
      ],
    });
    expect(await locationCount(rt, t.profile.id)).toBe(0);
    expect((await importRow(importId))!.source).toBeNull();

    const file = await t.caller.locations.importErrors({ profileId: t.profile.id, _id: importId });
    expect(file).toMatchObject({
      contentType: 'text/csv; charset=utf-8',
      filename: `location-import-errors-${importId}.csv`,
    });
    expect(file.body.split('\r\n')).toEqual([
      'line,path,message',
      `3,type,"${failed.errors[0]!.message}"`,
      `4,country,${failed.errors[1]!.message}`,
      '',
    ]);
  });

  it('ends failed on a wrong header or an unreadable file, the problem on its line', async () => {
    const t = await tenantWithCaller();
    const { importId } = await t.caller.locations.importStart({
      profileId: t.profile.id,
      csv: 'just,some,words\r\n',
    });
    await runDueJobs(rt);
    const failed = await t.caller.locations.importStatus({ profileId: t.profile.id, _id: importId });
    expect(failed.status).toBe('failed');
    expect(failed.errors[0]).toEqual({
      line: 1,
      path: 'just',
      message: 'is not a column of the location CSV',
    });
    expect((await importRow(importId))!.source).toBeNull();
  });

  it('refuses a file over 20 MiB at the start (413), keeping nothing', async () => {
    const t = await tenantWithCaller();
    await expectRefused(
      t.caller.locations.importStart({ profileId: t.profile.id, csv: 'x'.repeat(MAX_CSV_BYTES + 1) }),
      'CSV_TOO_LARGE',
      413,
    );
    expect(
      await rt.db.select().from(locationImports).where(eq(locationImports.profileId, t.profile.id)),
    ).toEqual([]);
  });

  it('shows an import only with its own profile: another profile, or another organization, finds nothing', async () => {
    const t = await tenantWithCaller();
    const other = await createTenant(rt);
    const sibling = await createProfileRow(rt, t.organization.id);
    const { importId } = await t.caller.locations.importStart({
      profileId: t.profile.id,
      csv: csvOf([rowOf()]),
    });
    for (const call of [
      t.caller.locations.importStatus({ profileId: sibling.id, _id: importId }),
      t.caller.locations.importErrors({ profileId: sibling.id, _id: importId }),
    ])
      await expectRefused(call, 'LOCATION_IMPORT_NOT_FOUND', 404);
    const stranger = callerAs(rt, other.adminCtx);
    await expectRefused(
      stranger.locations.importStatus({ profileId: t.profile.id, _id: importId }),
      'PROFILE_NOT_FOUND',
      404,
    );
    await expectRefused(
      stranger.locations.importStatus({ profileId: other.profile.id, _id: importId }),
      'LOCATION_IMPORT_NOT_FOUND',
      404,
    );
    await expectRefused(
      stranger.locations.importStart({ profileId: t.profile.id, csv: csvOf([rowOf()]) }),
      'PROFILE_NOT_FOUND',
      404,
    );
    await expectRefused(
      callerAs(rt, t.memberCtx).locations.importStatus({ profileId: t.profile.id, _id: importId }),
      'FORBIDDEN',
      403,
    );
  });

  it('is swept a week after it finished, or a day after it started if it never finished', async () => {
    const t = await tenantWithCaller();
    const { importId: finished } = await t.caller.locations.importStart({
      profileId: t.profile.id,
      csv: csvOf([rowOf()]),
    });
    await runDueJobs(rt);
    const stalled = (
      await rt.db
        .insert(locationImports)
        .values({
          organizationId: t.organization.id,
          profileId: t.profile.id,
          source: 'x',
          createdAt: rt.clock.now(),
        })
        .returning()
    )[0]!.id;
    rt.clock.advance(DAY + 1);
    await sweepExpiredRows(rt);
    expect(await importRow(finished)).toBeDefined();
    expect(await importRow(stalled)).toBeUndefined();
    rt.clock.advance(6 * DAY);
    await sweepExpiredRows(rt);
    expect(await importRow(finished)).toBeUndefined();
  });
});
