import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema';
import { csvColumns } from '@/server/modules/locations/bulk/csv-format';
import { EXPORT_BATCH } from '@/server/modules/locations/bulk/export-locations';
import { callerAs } from '../helpers/callers';
import { createProfileRow, createTenant } from '../helpers/organizations';
import { expectRefused } from '../helpers/refusals';
import { testRuntime } from '../helpers/runtime';
import { csvOf, HEADER, locationCount, rowOf, validRows } from './bulk-support';

const rt = testRuntime();

const FULL_HEADER = `${HEADER},code,line2`;

/** A file that exercises every cell kind: quotes, commas, line breaks, formulas, unicode, negatives. */
const tricky = csvOf(
  [
    `${rowOf({ name: '"Hub, ""North"""', line1: '"1 Main St\r\nSuite 2"' })},HUB-1,"Gate 4, east"`,
    `${rowOf({ name: `"'=HYPERLINK(""x"")"`, type: 'storage', basin: 'Bakken', city: "'+Plus" })},,`,
    `${rowOf({ name: "''-Twice", status: 'inactive', latitude: '-33.8688', longitude: '151.2093', country: 'AU', state: 'NSW' })},AU/1,`,
    `${rowOf({ name: 'Zürich Überlandstraße', country: 'CH', state: '', isDirectConnection: 'no', preferredSuppliers: '', latitude: '', longitude: '' })},,`,
    `${rowOf({ name: "'Plain quote", type: '', basin: '' })},,`,
  ],
  FULL_HEADER,
);

async function tenantWithLocations(csv = tricky) {
  const tenant = await createTenant(rt);
  const caller = callerAs(rt, tenant.adminCtx);
  await caller.locations.import({ profileId: tenant.profile.id, csv });
  return { ...tenant, caller };
}

const lines = (body: string) => body.split('\r\n').filter((l) => l !== '');

describe('location CSV export (#49)', () => {
  it('writes the header, then every location by name, text cells guarded against formulas and numbers as they are', async () => {
    const t = await tenantWithLocations();
    const file = await t.caller.locations.export({ profileId: t.profile.id });
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(file.filename).toMatch(new RegExp(`^locations-${t.profile.id}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const body = file.body as string;
    expect(body.startsWith(`${csvColumns.join(',')}\r\n`)).toBe(true);
    expect(body).toContain(
      `"Hub, ""North""",buying,Permian,true,Supplier A;Supplier B,31.2,-103.5,US,TX,Pecos,"1 Main St\r\nSuite 2",79772,active,HUB-1,"Gate 4, east"\r\n`,
    );
    expect(body).toContain(`"'=HYPERLINK(""x"")",storage,Bakken,`);
    expect(body).toContain(`,'+Plus,`);
    expect(body).toContain(`''-Twice,buying,Permian,true,Supplier A;Supplier B,-33.8688,151.2093,AU,NSW,`);
    expect(body).toContain(`'Plain quote,,,true,`);
    expect(body).toContain(`Zürich Überlandstraße,buying,Permian,false,,,,CH,,Pecos,`);
  });

  it('re-imports into another profile unchanged: the second export is byte-identical', async () => {
    const t = await tenantWithLocations();
    const first = (await t.caller.locations.export({ profileId: t.profile.id })).body as string;
    const other = await createProfileRow(rt, t.organization.id);
    expect(await t.caller.locations.import({ profileId: other.id, csv: first })).toEqual({ imported: 5 });
    const second = (await t.caller.locations.export({ profileId: other.id })).body as string;
    expect(second).toBe(first);
  });

  it('exports only what the list filters select (status, type, basin, name or code)', async () => {
    const t = await tenantWithLocations();
    const names = async (filters: Record<string, string>) =>
      lines((await t.caller.locations.export({ profileId: t.profile.id, ...filters })).body as string)
        .slice(1)
        .map((l) => l.split(',')[0]);
    expect(await names({ status: 'inactive' })).toEqual(["''-Twice"]);
    expect(await names({ type: 'storage' })).toEqual([`"'=HYPERLINK(""x"")"`]);
    expect(await names({ basin: 'williston' })).toEqual([`"'=HYPERLINK(""x"")"`]);
    expect(await names({ q: 'zür' })).toEqual(['Zürich Überlandstraße']);
    expect(await names({ q: 'au/1' })).toEqual(["''-Twice"]);
    expect(await names({ q: 'nothing like it' })).toEqual([]);
  });

  it(`reads in batches of ${EXPORT_BATCH} without losing or repeating a row`, async () => {
    const t = await tenantWithLocations(csvOf(validRows(EXPORT_BATCH + 7)));
    const body = (await t.caller.locations.export({ profileId: t.profile.id })).body as string;
    const names = lines(body)
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(names).toHaveLength(EXPORT_BATCH + 7);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
  });

  it('audits the export with its filters and count', async () => {
    const t = await tenantWithLocations();
    await t.caller.locations.export({ profileId: t.profile.id, status: 'active', q: 'hub' });
    const [event] = await rt.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'location.exported'), eq(auditEvents.targetId, t.profile.id)));
    expect(event).toMatchObject({
      actorUserId: t.admin.id,
      organizationId: t.organization.id,
      targetType: 'organization_profile',
      data: { filters: { status: 'active', q: 'hub' }, count: 1 },
    });
  });

  it('needs locations.read on the profile; a profile of another organization looks missing', async () => {
    const t = await tenantWithLocations();
    const other = await createTenant(rt);
    await expectRefused(
      callerAs(rt, t.memberCtx).locations.export({ profileId: t.profile.id }),
      'FORBIDDEN',
      403,
    );
    await expectRefused(
      callerAs(rt, other.adminCtx).locations.export({ profileId: t.profile.id }),
      'PROFILE_NOT_FOUND',
      404,
    );
    expect(await locationCount(rt, t.profile.id)).toBe(5);
  });
});
