import { beforeAll, describe, expect, it } from 'vitest';
import { businessLocations } from '@/db/schema';
import type { ReportRecord } from '@/server/modules/reports/schemas';
import { expectRefused } from '../helpers/refusals';
import { testRuntime } from '../helpers/runtime';
import { retirementData } from './sample-data';
import { bodyOf, createReportCast, pdfText, type ReportCast } from './support';

const rt = testRuntime();
let c: ReportCast;
let report: ReportRecord;
beforeAll(async () => {
  c = await createReportCast(rt);
  report = await c.asStaffAdmin.admin.reports.render({
    template: 'retirement',
    data: retirementData(c.a.profile.id, 3, 900),
  });
});

describe('downloading a report (GET /reports/{id}/pdf)', () => {
  it.each([
    ['a platform admin', () => c.asStaffAdmin],
    ['platform support', () => c.asSupport],
    ["the profile's organization admin", () => c.asTenantAdmin],
    ['a basic.viewer of the profile', () => c.asViewer],
    ['an API key of the profile with reports:read', () => c.asReadKey],
  ])('lets %s download it', async (_, caller) => {
    const file = await caller().reports.pdf({ id: report._id });
    expect(file).toMatchObject({ contentType: 'application/pdf', filename: `${report.statementNumber}.pdf` });
    expect(Buffer.from(bodyOf(file)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers 404 to another organization, as for a missing report', async () => {
    await expectRefused(c.asForeign.reports.pdf({ id: report._id }), 'REPORT_NOT_FOUND', 404);
    await expectRefused(c.asForeignKey.reports.pdf({ id: report._id }), 'REPORT_NOT_FOUND', 404);
    await expectRefused(
      c.asStaffAdmin.reports.pdf({ id: '01890a5d-ac96-774b-bcce-b302099a8057' }),
      'REPORT_NOT_FOUND',
      404,
    );
  });

  it('refuses a key of the profile without reports:read with 403', async () => {
    await expectRefused(c.asOtherKey.reports.pdf({ id: report._id }), 'FORBIDDEN', 403);
  });
});

describe('reports.list and reports.get', () => {
  it("lists the profile's reports for its readers, newest first, with search and total", async () => {
    const second = await c.asStaffAdmin.admin.reports.render({
      template: 'retirement',
      data: retirementData(c.a.profile.id, 1, 901),
    });
    const page = await c.asViewer.reports.list({ profileId: c.a.profile.id, withTotal: true });
    expect(page.items.map((r) => r._id)).toEqual([second._id, report._id]);
    expect(page.total).toBe(2);
    const found = await c.asReadKey.reports.list({
      profileId: c.a.profile.id,
      search: report.statementNumber,
    });
    expect(found.items.map((r) => r._id)).toEqual([report._id]);
    const byHash = await c.asViewer.reports.list({
      profileId: c.a.profile.id,
      search: report.verificationHash.slice(0, 12),
    });
    expect(byHash.items.map((r) => r._id)).toEqual([report._id]);
    const paged = await c.asViewer.reports.list({ profileId: c.a.profile.id, limit: 1 });
    const next = await c.asViewer.reports.list({
      profileId: c.a.profile.id,
      limit: 1,
      cursor: paged.nextCursor!,
    });
    expect([...paged.items, ...next.items].map((r) => r._id)).toEqual([second._id, report._id]);
    const sorted = await c.asViewer.reports.list({
      profileId: c.a.profile.id,
      sort: { field: 'statementNumber', direction: 'asc' },
    });
    expect(sorted.items.map((r) => r._id)).toEqual([report._id, second._id]);
  });

  it('answers another organization with 404 for list and get', async () => {
    await expectRefused(c.asForeign.reports.list({ profileId: c.a.profile.id }), 'PROFILE_NOT_FOUND', 404);
    await expectRefused(c.asForeign.reports.get({ _id: report._id }), 'REPORT_NOT_FOUND', 404);
    expect(await c.asViewer.reports.get({ _id: report._id })).toMatchObject({
      _id: report._id,
      status: 'ready',
    });
  });
});

describe('reports.renderLocations', () => {
  it("renders the profile's locations under the filters as a locations report", async () => {
    await rt.db.insert(businessLocations).values([
      {
        organizationId: c.a.organization.id,
        profileId: c.a.profile.id,
        name: 'Waha Hub',
        type: 'transportation',
        basin: 'Permian',
        latitude: 31.2,
        longitude: -103.2,
        address: { country: 'US', state: 'TX', city: 'Pecos' },
      },
      {
        organizationId: c.a.organization.id,
        profileId: c.a.profile.id,
        name: 'Old Yard',
        status: 'archive',
        address: { country: 'US' },
      },
    ]);
    const record = await c.asTenantAdmin.reports.renderLocations({
      profileId: c.a.profile.id,
      status: 'active',
    });
    expect(record).toMatchObject({ template: 'locations', status: 'ready', profileId: c.a.profile.id });
    expect(record.statementNumber).toMatch(/^LI-\d{4}-\d{6}$/);
    const text = pdfText(bodyOf(await c.asViewer.reports.pdf({ id: record._id })));
    expect(text).toContain('Waha Hub');
    expect(text).not.toContain('Old Yard');
    expect(text).toContain('Filters: status Active');
  });

  it('needs reports.write on the profile: a viewer is 403, another organization 404', async () => {
    await expectRefused(c.asViewer.reports.renderLocations({ profileId: c.a.profile.id }), 'FORBIDDEN', 403);
    await expectRefused(
      c.asForeign.reports.renderLocations({ profileId: c.a.profile.id }),
      'PROFILE_NOT_FOUND',
      404,
    );
  });
});

describe('admin.reports.list', () => {
  it('searches across organizations by number, title, organization name and hash prefix', async () => {
    const byOrg = await c.asSupport.admin.reports.list({ search: c.a.organization.name, withTotal: true });
    expect(byOrg.items.map((r) => r._id)).toContain(report._id);
    const byHash = await c.asSupport.admin.reports.list({ search: report.verificationHash.slice(0, 10) });
    expect(byHash.items.map((r) => r._id)).toEqual([report._id]);
    const voided = await c.asSupport.admin.reports.list({ voided: true });
    expect(voided.items).toEqual([]);
    const locations = await c.asSupport.admin.reports.list({ template: 'locations' });
    expect(locations.items.every((r) => r.template === 'locations')).toBe(true);
  });

  it('lists the templates with their JSON Schema and a valid example', async () => {
    const { items } = await c.asSupport.admin.reports.templates();
    expect(items.map((t) => t.name)).toEqual(['retirement', 'locations']);
    const retirement = items[0]!;
    expect(retirement.jsonSchema).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['items', 'purpose']),
    });
    const preview = await c.asStaffAdmin.admin.reports.preview({
      template: 'retirement',
      data: { ...retirement.example, profileId: c.a.profile.id },
    });
    expect(preview.pageCount).toBe(1);
  });
});
