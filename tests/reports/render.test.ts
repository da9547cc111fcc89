import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobs, reportSerialRanges } from '@/db/schema';
import { runDueJobs } from '@/server/jobs/run-due-jobs';
import { RETIREMENT_JOB_THRESHOLD } from '@/server/modules/reports/templates/retirement';
import { expectRefused } from '../helpers/refusals';
import { testRuntime } from '../helpers/runtime';
import { retirementData } from './sample-data';
import { auditOf, bodyOf, createReportCast, pdfText, type ReportCast, reportRow } from './support';

const rt = testRuntime();
let c: ReportCast;
beforeAll(async () => {
  c = await createReportCast(rt);
  rt.clock.set(new Date('2026-03-05T09:30:00Z'));
});

let batchNo = 100;
/** Retirement data of tenant A's profile on batches no other test uses. */
const dataFor = (count = 5) => retirementData(c.a.profile.id, count, ++batchNo);

describe('admin.reports.render', () => {
  it('numbers, hashes, renders and stores a retirement statement, audited report.rendered', async () => {
    const data = dataFor(20);
    const record = await c.asStaffAdmin.admin.reports.render({ template: 'retirement', data });
    expect(record).toMatchObject({
      template: 'retirement',
      templateVersion: 1,
      status: 'ready',
      voided: false,
      profileId: c.a.profile.id,
      profileName: c.a.profile.name,
      organizationId: c.a.organization.id,
      organizationName: c.a.organization.name,
      issuedAt: '2026-03-05T09:30:00.000Z',
      downloadUrl: `/api/v1/reports/${record._id}/pdf`,
      error: null,
      title: 'Retirement statement for Contoso Manufacturing Ltd.',
    });
    expect(record.statementNumber).toMatch(/^RS-2026-\d{6}$/);
    expect(record.createdBy?.name).toBe('Test User');
    // the hash is SHA-256 of the RFC 8785 JSON of {template, version, statementNumber, issuedAt, data}
    const row = await reportRow(rt, record._id);
    const expected = createHash('sha256')
      .update(
        canonicalize({
          template: 'retirement',
          version: 1,
          statementNumber: record.statementNumber,
          issuedAt: record.issuedAt,
          data: row.data,
        })!,
      )
      .digest('hex');
    expect(record.verificationHash).toBe(expected);
    const file = await c.asStaffAdmin.reports.pdf({ id: record._id });
    expect(file.contentType).toBe('application/pdf');
    const bytes = bodyOf(file);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(record.pdfSha256);
    expect(bytes.byteLength).toBe(record.byteSize);
    const text = pdfText(bytes);
    expect(text).toContain(record.statementNumber);
    expect(text.replace(/\s+/g, '')).toContain(`Verificationhash:${record.verificationHash}`);
    expect(await auditOf(rt, record._id)).toEqual([
      {
        action: 'report.rendered',
        data: expect.objectContaining({ template: 'retirement', statementNumber: record.statementNumber }),
      },
    ]);
  });

  it('gives consecutive unique numbers per template prefix and year', async () => {
    const one = await c.asStaffAdmin.admin.reports.render({ template: 'retirement', data: dataFor(1) });
    const two = await c.asStaffAdmin.admin.reports.render({ template: 'retirement', data: dataFor(1) });
    const n = (s: string) => Number(s.split('-')[2]);
    expect(n(two.statementNumber)).toBe(n(one.statementNumber) + 1);
    const locations = await c.asStaffAdmin.admin.reports.render({
      template: 'locations',
      data: { profileId: c.a.profile.id, organizationName: 'A', profileName: 'P', locations: [] },
    });
    expect(locations.statementNumber).toMatch(/^LI-2026-\d{6}$/);
    rt.clock.set(new Date('2027-01-02T00:00:00Z'));
    try {
      const next = await c.asStaffAdmin.admin.reports.render({ template: 'retirement', data: dataFor(1) });
      expect(next.statementNumber).toBe('RS-2027-000001');
    } finally {
      rt.clock.set(new Date('2026-03-05T09:30:00Z'));
    }
  });

  it("refuses the seed's data:{} with 400 VALIDATION_FAILED listing every missing field", async () => {
    const refusal = await expectRefused(
      c.asStaffAdmin.admin.reports.render({ template: 'retirement', data: {} }),
      'VALIDATION_FAILED',
      400,
    );
    expect(refusal.errors.map((e) => e.path).sort()).toEqual(
      [
        'data.beneficiary',
        'data.items',
        'data.profileId',
        'data.purpose',
        'data.reportingPeriod',
        'data.retiringOrganization',
      ].sort(),
    );
    for (const e of refusal.errors) expect(e.message).not.toMatch(/^Invalid input/);
  });

  it('reports item problems under data.items.N (every one at once) and stores nothing', async () => {
    const data = dataFor(3) as ReturnType<typeof dataFor> & { items: Record<string, unknown>[] };
    data.items[0]!.quantity = -1;
    data.items[2]!.standard = 'ISO';
    const refusal = await expectRefused(
      c.asStaffAdmin.admin.reports.render({ template: 'retirement', data }),
      'VALIDATION_FAILED',
      400,
    );
    expect(refusal.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['data.items.0.quantity', 'data.items.2.standard']),
    );
  });

  it('answers an unknown template with 404 TEMPLATE_NOT_FOUND naming the known ones', async () => {
    const refusal = await expectRefused(
      c.asStaffAdmin.admin.reports.render({ template: 'retirement1', data: {} }),
      'TEMPLATE_NOT_FOUND',
      404,
    );
    expect(refusal.message).toContain('retirement, locations');
  });

  it('refuses data naming no profile with 422 REPORT_PROFILE_NOT_FOUND', async () => {
    const data = { ...dataFor(1), profileId: '01890a5d-ac96-774b-bcce-b302099a8057' };
    const refusal = await expectRefused(
      c.asStaffAdmin.admin.reports.render({ template: 'retirement', data }),
      'REPORT_PROFILE_NOT_FOUND',
      422,
    );
    expect(refusal.errors).toEqual([{ path: 'data.profileId', message: 'names no profile' }]);
  });

  it('is for platform admins only: support and tenant admins are 403', async () => {
    await expectRefused(
      c.asSupport.admin.reports.render({ template: 'retirement', data: dataFor(1) }),
      'FORBIDDEN',
      403,
    );
    await expectRefused(
      c.asTenantAdmin.admin.reports.render({ template: 'retirement', data: dataFor(1) }),
      'FORBIDDEN',
      403,
    );
  });
});

describe('serial ranges', () => {
  it('refuses a statement overlapping a live one with 409 SERIALS_ALREADY_RETIRED naming the batch; voiding releases them', async () => {
    const data = dataFor(2);
    const first = await c.asStaffAdmin.admin.reports.render({ template: 'retirement', data });
    const overlapping = structuredClone(data);
    overlapping.items = [overlapping.items[1]!];
    const serials = (overlapping.items[0] as { serials: { batch: string } }).serials;
    const refusal = await expectRefused(
      c.asStaffAdmin.admin.reports.render({ template: 'retirement', data: overlapping }),
      'SERIALS_ALREADY_RETIRED',
      409,
    );
    expect(refusal.message).toContain(serials.batch);
    const voided = await c.asStaffAdmin.admin.reports.void({
      _id: first._id,
      reason: 'Issued to the wrong beneficiary',
    });
    expect(voided).toMatchObject({
      voided: true,
      voidReason: 'Issued to the wrong beneficiary',
      voidedBy: { name: 'Test User' },
    });
    const again = await c.asStaffAdmin.admin.reports.render({ template: 'retirement', data: overlapping });
    expect(again.status).toBe('ready');
  });

  it('lets certificate-id items and other batches through', async () => {
    const data = dataFor(1);
    const certificates = structuredClone(data);
    certificates.items = [{ ...certificates.items[0]!, certificateIds: ['CERT-X-1'], serials: undefined }];
    delete (certificates.items[0] as { serials?: unknown }).serials;
    await c.asStaffAdmin.admin.reports.render({ template: 'retirement', data: certificates });
    await c.asStaffAdmin.admin.reports.render({ template: 'retirement', data: certificates });
  });
});

describe('admin.reports.void', () => {
  it('voids once (audited with the reason); a second void is 409 REPORT_ALREADY_VOID', async () => {
    const record = await c.asStaffAdmin.admin.reports.render({ template: 'retirement', data: dataFor(1) });
    await c.asStaffAdmin.admin.reports.void({ _id: record._id, reason: 'Duplicate' });
    await expectRefused(
      c.asStaffAdmin.admin.reports.void({ _id: record._id, reason: 'Again' }),
      'REPORT_ALREADY_VOID',
      409,
    );
    expect((await auditOf(rt, record._id)).map((e) => e.action).sort()).toEqual([
      'report.rendered',
      'report.voided',
    ]);
    const voidEvent = (await auditOf(rt, record._id)).find((e) => e.action === 'report.voided');
    expect(voidEvent!.data).toMatchObject({ reason: 'Duplicate', statementNumber: record.statementNumber });
    const ranges = await rt.db
      .select()
      .from(reportSerialRanges)
      .where(eq(reportSerialRanges.reportId, record._id));
    expect(ranges.map((r) => r.live)).toEqual([false]);
  });

  it('needs a reason', async () => {
    const record = await c.asStaffAdmin.admin.reports.render({ template: 'retirement', data: dataFor(1) });
    const refusal = await expectRefused(
      c.asStaffAdmin.admin.reports.void({ _id: record._id, reason: ' ' }),
      'VALIDATION_FAILED',
      400,
    );
    expect(refusal.errors[0]!.path).toBe('reason');
  });
});

describe('reports.verify (public)', () => {
  it('says valid for an issued statement, not valid once void, for an unknown hash or a malformed one', async () => {
    const record = await c.asStaffAdmin.admin.reports.render({ template: 'retirement', data: dataFor(1) });
    const { callerAs } = await import('../helpers/callers');
    const anyone = callerAs(rt, null);
    expect(await anyone.reports.verify({ hash: record.verificationHash })).toEqual({
      hash: record.verificationHash,
      valid: true,
    });
    expect(await anyone.reports.verify({ hash: record.verificationHash.toUpperCase() })).toMatchObject({
      valid: true,
    });
    await c.asStaffAdmin.admin.reports.void({ _id: record._id, reason: 'Withdrawn' });
    expect(await anyone.reports.verify({ hash: record.verificationHash })).toEqual({
      hash: record.verificationHash,
      valid: false,
    });
    expect(await anyone.reports.verify({ hash: '0'.repeat(64) })).toEqual({
      hash: '0'.repeat(64),
      valid: false,
    });
    expect(await anyone.reports.verify({ hash: 'not-a-hash' })).toEqual({ hash: 'not-a-hash', valid: false });
  });
});

describe('admin.reports.preview', () => {
  it('renders with PREVIEW as number and watermark, storing and numbering nothing', async () => {
    const before = await c.asStaffAdmin.admin.reports.list({ withTotal: true });
    const preview = await c.asStaffAdmin.admin.reports.preview({ template: 'retirement', data: dataFor(3) });
    expect(preview.contentType).toBe('application/pdf');
    const text = pdfText(Buffer.from(preview.base64, 'base64'));
    expect(text).toContain('PREVIEW');
    expect(text).not.toMatch(/RS-2026-\d{6}/);
    const after = await c.asStaffAdmin.admin.reports.list({ withTotal: true });
    expect(after.total).toBe(before.total);
  });

  it('refuses the same bad data as render, and too many items with 413', async () => {
    await expectRefused(
      c.asStaffAdmin.admin.reports.preview({ template: 'retirement', data: {} }),
      'VALIDATION_FAILED',
      400,
    );
    await expectRefused(
      c.asStaffAdmin.admin.reports.preview({ template: 'nope', data: {} }),
      'TEMPLATE_NOT_FOUND',
      404,
    );
    await expectRefused(
      c.asStaffAdmin.admin.reports.preview({ template: 'retirement', data: dataFor(201) }),
      'REPORT_TOO_LARGE_TO_PREVIEW',
      413,
    );
  });
});

describe('large renders run as a job', () => {
  it('answers pending at once, then ready after the runner takes the job; the PDF is 409 until then', async () => {
    const record = await c.asStaffAdmin.admin.reports.render({
      template: 'retirement',
      data: dataFor(RETIREMENT_JOB_THRESHOLD + 1),
    });
    expect(record).toMatchObject({ status: 'pending', pdfSha256: null, pageCount: null });
    await expectRefused(c.asStaffAdmin.reports.pdf({ id: record._id }), 'REPORT_NOT_READY', 409);
    const queued = await rt.db.select().from(jobs).where(eq(jobs.kind, 'reports.render'));
    expect(queued.map((j) => (j.payload as { reportId: string }).reportId)).toContain(record._id);
    await runDueJobs(rt);
    const done = await c.asStaffAdmin.admin.reports.get({ _id: record._id });
    expect(done.status).toBe('ready');
    expect(done.pageCount).toBeGreaterThan(5);
    const file = await c.asStaffAdmin.reports.pdf({ id: record._id });
    expect(pdfText(bodyOf(file))).toContain(record.statementNumber);
  }, 60_000);
});
