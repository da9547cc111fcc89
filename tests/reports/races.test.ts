import { beforeAll, describe, expect } from 'vitest';
import { asAppError } from '@/server/core/errors';
import { raceTest } from '../helpers/race';
import { testRuntime } from '../helpers/runtime';
import { retirementData } from './sample-data';
import { createReportCast, type ReportCast } from './support';

const rt = testRuntime();
let c: ReportCast;
beforeAll(async () => {
  c = await createReportCast(rt);
});

const codeOf = (reason: unknown) => asAppError((reason as { cause?: unknown }).cause ?? reason)?.code;

describe('retiring serials under concurrency', () => {
  raceTest('two concurrent statements with overlapping ranges: one is issued, the other is 409', async () => {
    const data = retirementData(c.a.profile.id, 2, 777);
    const other = structuredClone(data);
    other.items = [data.items[0]!];
    const results = await Promise.allSettled([
      c.asStaffAdmin.admin.reports.render({ template: 'retirement', data }),
      c.asStaffAdmin.admin.reports.render({ template: 'retirement', data: other }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.flatMap((r) => (r.status === 'rejected' ? [codeOf(r.reason)] : []))).toEqual([
      'SERIALS_ALREADY_RETIRED',
    ]);
  });

  raceTest('concurrent renders get distinct consecutive statement numbers', async () => {
    const made = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        c.asStaffAdmin.admin.reports.render({
          template: 'retirement',
          data: retirementData(c.a.profile.id, 1, 800 + i),
        }),
      ),
    );
    const numbers = made.map((r) => Number(r.statementNumber.split('-')[2])).sort((x, y) => x - y);
    expect(new Set(numbers).size).toBe(4);
    expect(numbers[3]! - numbers[0]!).toBe(3);
  });
});
