import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, businessLocations } from '@/db/schema';
import { commitImport } from '@/server/modules/locations/bulk/commit-import';
import { validateLocationCsv } from '@/server/modules/locations/bulk/validate-csv';
import { MAX_CSV_BYTES, MAX_CSV_ROWS } from '@/server/modules/locations/schemas';
import { callerAs } from '../helpers/callers';
import { createTenant } from '../helpers/organizations';
import { raceTest } from '../helpers/race';
import { expectRefused } from '../helpers/refusals';
import { testRuntime } from '../helpers/runtime';
import { csvOf, HEADER, locationCount, rowOf, validRows } from './bulk-support';

const rt = testRuntime();

async function tenantWithCaller() {
  const tenant = await createTenant(rt);
  return { ...tenant, caller: callerAs(rt, tenant.adminCtx) };
}

/** Imports and expects a refusal that changed nothing: the profile has as many locations as before. */
async function expectImportRefused(
  t: Awaited<ReturnType<typeof tenantWithCaller>>,
  csv: string,
  code: string,
  status: number,
) {
  const before = await locationCount(rt, t.profile.id);
  const refusal = await expectRefused(
    t.caller.locations.import({ profileId: t.profile.id, csv }),
    code,
    status,
  );
  expect(await locationCount(rt, t.profile.id)).toBe(before);
  return refusal;
}

describe('location CSV import (#49)', () => {
  it('imports every row with the fields the cells spell, and audits the import', async () => {
    const t = await tenantWithCaller();
    const csv = csvOf([
      rowOf({
        name: 'Waha Hub',
        basin: 'permian basin',
        preferredSuppliers: ' Supplier A ; Supplier B;supplier a',
      }),
      `Bare Site,,,,,,,CA,,,,,`,
    ]);
    expect(await t.caller.locations.import({ profileId: t.profile.id, csv })).toEqual({ imported: 2 });

    const rows = await rt.db
      .select()
      .from(businessLocations)
      .where(eq(businessLocations.profileId, t.profile.id))
      .orderBy(businessLocations.name);
    expect(rows).toMatchObject([
      {
        name: 'Bare Site',
        type: null,
        basin: null,
        isDirectConnection: false,
        preferredSuppliers: [],
        latitude: null,
        longitude: null,
        address: { country: 'CA' },
        status: 'active',
        organizationId: t.organization.id,
        createdBy: t.admin.id,
      },
      {
        name: 'Waha Hub',
        type: 'buying',
        basin: 'Permian',
        isDirectConnection: true,
        preferredSuppliers: ['Supplier A', 'Supplier B'],
        latitude: 31.2,
        longitude: -103.5,
        address: { country: 'US', state: 'TX', city: 'Pecos', line1: '1 Main St', postalCode: '79772' },
        status: 'active',
      },
    ]);
    const [event] = await rt.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'location.imported'), eq(auditEvents.targetId, t.profile.id)));
    expect(event).toMatchObject({
      actorUserId: t.admin.id,
      organizationId: t.organization.id,
      targetType: 'organization_profile',
      data: { count: 2 },
    });
  });

  it('reports every bad row with its line and column, and imports none of the good ones', async () => {
    const t = await tenantWithCaller();
    const csv = csvOf([
      rowOf({ name: 'Good One' }),
      rowOf({ name: 'Bad Type', type: 'refinery' }),
      rowOf({ name: 'Bad Basin', basin: 'Atlantis' }),
      rowOf({ name: 'Bad Latitude', latitude: '91' }),
      rowOf({ name: 'Half Coordinates', longitude: '' }),
      rowOf({ name: 'Not A Number', latitude: '31.5.2' }),
      rowOf({ name: 'Bad Boolean', isDirectConnection: 'maybe' }),
      rowOf({ name: 'Bad Country', country: 'USA' }),
      rowOf({ name: 'Bad State', state: 'XX' }),
      rowOf({ name: '' }),
      rowOf({ name: 'Bad Status', status: 'deleted' }),
      `${rowOf({ name: 'Extra Cell' })},surplus`,
      rowOf({ name: 'No Country', country: '', state: '' }),
    ]);
    const refusal = await expectImportRefused(t, csv, 'CSV_ROWS_INVALID', 400);
    expect(
      (refusal.errors as unknown as { line: number; path: string }[]).map((e) => [e.line, e.path]),
    ).toEqual([
      [3, 'type'],
      [4, 'basin'],
      [5, 'latitude'],
      [6, 'longitude'],
      [7, 'latitude'],
      [8, 'isDirectConnection'],
      [9, 'country'],
      [10, 'state'],
      [11, 'name'],
      [12, 'status'],
      [13, '(row)'],
      [14, 'country'],
    ]);
    expect(refusal.errors[0]!.message).toMatch(/must be one of: buying/);
    expect(refusal.errors[3]!.message).toBe('is required when the other coordinate is given');
    expect(refusal.errors[2]!.message).toBe('must be between -90 and 90');
    expect(refusal.errors[4]!.message).toBe('must be a number');
    expect(refusal.errors[8]!.message).toBe('is required');
    expect(refusal.errors[10]!.message).toBe('has 14 cells; the header has 13');
  });

  it('refuses names (any case) and codes twice in the file and ones the profile already has', async () => {
    const t = await tenantWithCaller();
    const codeHeader = `${HEADER},code`;
    await t.caller.locations.import({
      profileId: t.profile.id,
      csv: csvOf([`${rowOf({ name: 'Existing' })},EX-1`], codeHeader),
    });
    const csv = csvOf(
      [
        `${rowOf({ name: 'Alpha' })},A-1`,
        `${rowOf({ name: 'ALPHA' })},A-2`,
        `${rowOf({ name: 'Beta' })},A-1`,
        `${rowOf({ name: 'existing' })},`,
        `${rowOf({ name: 'Gamma' })},EX-1`,
      ],
      codeHeader,
    );
    const refusal = await expectImportRefused(t, csv, 'CSV_ROWS_INVALID', 400);
    expect(refusal.errors).toEqual([
      { line: 3, path: 'name', message: 'repeats the name of an earlier row' },
      { line: 4, path: 'code', message: 'repeats the code of an earlier row' },
      { line: 5, path: 'name', message: 'is already the name of a location of this profile' },
      { line: 6, path: 'code', message: 'is already the code of a location of this profile' },
    ]);
  });

  it('reads a BOM, LF line ends, quoted cells with commas, quotes and line breaks, and skips blank lines', async () => {
    const t = await tenantWithCaller();
    const csv = `\uFEFF${HEADER}\n${rowOf({ name: '"Hub, ""North"""', line1: '"1 Main St\r\nSuite 2"' })}\n\n${rowOf({ name: 'Second', type: 'nowhere' })}\n`;
    const refusal = await expectImportRefused(t, csv, 'CSV_ROWS_INVALID', 400);
    // the quoted line break makes the first row two lines, and the blank line is a line too
    expect(refusal.errors).toMatchObject([{ line: 5, path: 'type' }]);

    const good = csv.replace('nowhere', 'storage');
    expect(await t.caller.locations.import({ profileId: t.profile.id, csv: good })).toEqual({ imported: 2 });
    const [hub] = await rt.db
      .select()
      .from(businessLocations)
      .where(eq(businessLocations.name, 'Hub, "North"'));
    expect(hub!.address).toMatchObject({ line1: '1 Main St\r\nSuite 2' });
  });

  it('accepts the optional columns and any column order, case-insensitively', async () => {
    const t = await tenantWithCaller();
    const columns = ['line2', 'Code', ...HEADER.split(',').reverse()];
    const cells: Record<string, string> = { name: 'Reordered', country: 'US', line2: 'Gate 4', Code: 'R-1' };
    const csv = csvOf([columns.map((c) => cells[c] ?? '').join(',')], columns.join(','));
    expect(await t.caller.locations.import({ profileId: t.profile.id, csv })).toEqual({ imported: 1 });
    const [row] = await rt.db.select().from(businessLocations).where(eq(businessLocations.name, 'Reordered'));
    expect(row).toMatchObject({ code: 'R-1', address: { country: 'US', line2: 'Gate 4' } });
  });

  it('refuses a wrong header with every problem on line 1', async () => {
    const t = await tenantWithCaller();
    const header = HEADER.replace('basin,', 'region,').replace(',status', ',status,status');
    const refusal = await expectImportRefused(t, csvOf([rowOf()], header), 'CSV_INVALID', 400);
    expect(refusal.message).toMatch(/^The header row must be name,type,basin,/);
    expect(refusal.errors).toEqual([
      { line: 1, path: 'region', message: 'is not a column of the location CSV' },
      { line: 1, path: 'status', message: 'is given twice' },
      { line: 1, path: 'basin', message: 'is a required column' },
    ]);
  });

  it('refuses an empty file (also one with only a BOM or blank lines), and imports none from a header alone', async () => {
    const t = await tenantWithCaller();
    for (const csv of ['', '\uFEFF', '\r\n\r\n']) {
      const refusal = await expectImportRefused(t, csv, 'CSV_INVALID', 400);
      expect(refusal.errors).toEqual([
        { line: 1, path: '(file)', message: expect.stringMatching(/^must start with the header name,type,/) },
      ]);
    }
    expect(await t.caller.locations.import({ profileId: t.profile.id, csv: csvOf([]) })).toEqual({
      imported: 0,
    });
  });

  it('refuses a file that is not CSV with the line where it breaks', async () => {
    const t = await tenantWithCaller();
    const csv = csvOf([rowOf({ name: 'Fine' }), rowOf({ name: '"Broken "quote" here"' })]);
    const refusal = await expectImportRefused(t, csv, 'CSV_INVALID', 400);
    expect(refusal.errors).toEqual([
      { line: 3, path: '(file)', message: 'has a quote inside a quoted cell that is not doubled ("")' },
    ]);
  });

  it(`refuses more than ${MAX_CSV_ROWS} rows and more than 20 MiB with 413`, async () => {
    const t = await tenantWithCaller();
    const tooMany = csvOf(validRows(MAX_CSV_ROWS + 1));
    const rows = await expectImportRefused(t, tooMany, 'CSV_TOO_LARGE', 413);
    expect(rows.message).toMatch(/more than 20000 rows/);
    const tooBig = csvOf([rowOf({ line1: 'x'.repeat(MAX_CSV_BYTES) })]);
    await expectImportRefused(t, tooBig, 'CSV_TOO_LARGE', 413);
  });

  it('removes the formula guard of a text cell, and only that one quote', async () => {
    const t = await tenantWithCaller();
    const csv = csvOf([
      rowOf({ name: "'=HYPERLINK(1)" }),
      rowOf({ name: "''+Quoted" }),
      rowOf({ name: "'Plain" }),
      rowOf({ name: "'@Home", city: "'-Dash" }),
    ]);
    await t.caller.locations.import({ profileId: t.profile.id, csv });
    const rows = await rt.db
      .select({ name: businessLocations.name, address: businessLocations.address })
      .from(businessLocations)
      .where(eq(businessLocations.profileId, t.profile.id));
    expect(rows.map((r) => r.name).sort()).toEqual(["'+Quoted", "'Plain", '=HYPERLINK(1)', '@Home'].sort());
    expect(rows.find((r) => r.name === '@Home')!.address).toMatchObject({ city: '-Dash' });
  });

  it('needs locations.write on the profile; a profile of another organization looks missing', async () => {
    const t = await tenantWithCaller();
    const other = await createTenant(rt);
    const csv = csvOf([rowOf()]);
    await expectRefused(
      callerAs(rt, t.memberCtx).locations.import({ profileId: t.profile.id, csv }),
      'FORBIDDEN',
      403,
    );
    await expectRefused(
      callerAs(rt, other.adminCtx).locations.import({ profileId: t.profile.id, csv }),
      'PROFILE_NOT_FOUND',
      404,
    );
    expect(await locationCount(rt, t.profile.id)).toBe(0);
  });

  it('checks names again in its transaction: a location added since the validation makes a bad row', async () => {
    const t = await tenantWithCaller();
    const csv = csvOf([rowOf({ name: 'First' }), rowOf({ name: 'Late Comer' })]);
    const { rows, errors } = await validateLocationCsv(rt.db, t.profile.id, Buffer.from(csv));
    expect(errors).toEqual([]);
    await t.caller.locations.import({ profileId: t.profile.id, csv: csvOf([rowOf({ name: 'late comer' })]) });
    const refusal = await expectRefused(
      commitImport({
        db: rt.db,
        meta: undefined,
        now: rt.clock.now(),
        tenant: { organizationId: t.organization.id, profileId: t.profile.id },
        actor: { userId: t.admin.id, keyId: null },
        rows,
      }),
      'CSV_ROWS_INVALID',
      400,
    );
    expect(refusal.errors).toEqual([
      { line: 3, path: 'name', message: 'is already the name of a location of this profile' },
    ]);
    expect(await locationCount(rt, t.profile.id)).toBe(1);
  });

  raceTest('two imports of the same file at once: one imports it all, the other gets bad rows', async () => {
    const t = await tenantWithCaller();
    const csv = csvOf(validRows(300));
    const results = await Promise.allSettled([
      t.caller.locations.import({ profileId: t.profile.id, csv }),
      callerAs(rt, t.adminCtx).locations.import({ profileId: t.profile.id, csv }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => r.value)).toEqual([{ imported: 300 }]);
    const rejected = results.find((r) => r.status === 'rejected')!;
    await expectRefused(Promise.reject(rejected.reason), 'CSV_ROWS_INVALID', 400);
    expect(await locationCount(rt, t.profile.id)).toBe(300);
  });
});
