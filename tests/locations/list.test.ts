import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { organizationProfiles, organizations } from '@/db/schema';
import { expectRefused } from '../helpers/refusals';
import { testRuntime } from '../helpers/runtime';
import { createLocationTenants, seedLocation } from './support';

const rt = testRuntime();
let t: Awaited<ReturnType<typeof createLocationTenants>>;
const ids: Record<string, string> = {};

const make = async (
  name: string,
  extra: Partial<ReturnType<typeof seedLocation>> & {
    code?: string;
    status?: 'active' | 'inactive' | 'archive';
  } = {},
) => {
  const created = await t.asEditor.locations.create({ ...seedLocation(t.a.profile.id, name), ...extra });
  ids[name] = created._id;
  rt.clock.advance(1000);
  return created;
};

beforeAll(async () => {
  t = await createLocationTenants(rt);
  await make('Permian Buyer', { code: 'PB-1' });
  await make('Haynesville Plant', { type: 'processing', basin: 'Haynesville', code: 'HP-7' });
  await make('Bakken Storage', { type: 'storage', basin: 'Bakken', status: 'inactive' });
  await make('Old Terminal', {
    type: 'storage',
    basin: undefined,
    status: 'archive',
    coordinates: undefined,
  });
  await make('appalachia hub', { type: 'transportation', basin: 'Appalachian' });
  await t.asForeign.locations.create(seedLocation(t.b.profile.id, 'Permian Buyer'));
});

const names = (items: { name: string }[]) => items.map((i) => i.name);

describe('locations.list', () => {
  it('lists the seed body {profileId} oldest first, only this profile, with nextCursor null', async () => {
    const page = await t.asViewer.locations.list({ profileId: t.a.profile.id });
    expect(names(page.items)).toEqual([
      'Permian Buyer',
      'Haynesville Plant',
      'Bakken Storage',
      'Old Terminal',
      'appalachia hub',
    ]);
    expect(page.nextCursor).toBeNull();
    expect(page).not.toHaveProperty('total');
  });

  it('filters by status, type, basin (any case, stored canonical) and q on name or code', async () => {
    const list = (input: Record<string, unknown>) =>
      t.asViewer.locations.list({ profileId: t.a.profile.id, ...input }).then((p) => names(p.items));
    expect(await list({ status: 'archive' })).toEqual(['Old Terminal']);
    expect(await list({ type: 'storage' })).toEqual(['Bakken Storage', 'Old Terminal']);
    expect(await list({ basin: 'williston' })).toEqual(['Bakken Storage']);
    expect(await list({ q: 'PLANT' })).toEqual(['Haynesville Plant']);
    expect(await list({ q: 'hp-7' })).toEqual(['Haynesville Plant']);
    expect(await list({ q: '%' })).toEqual([]);
    expect(await list({ type: 'storage', status: 'inactive' })).toEqual(['Bakken Storage']);
  });

  it('walks pages by cursor without skipping or repeating while locations are inserted', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let inserted = 0;
    do {
      const page = await t.asViewer.locations.list({ profileId: t.a.profile.id, limit: 2, cursor });
      seen.push(...names(page.items));
      // a location added mid-walk lands after every row already sent (ids are UUIDv7)
      if (inserted < 2) await make(`Inserted ${inserted++}`);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.slice(0, 5)).toEqual([
      'Permian Buyer',
      'Haynesville Plant',
      'Bakken Storage',
      'Old Terminal',
      'appalachia hub',
    ]);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(['Inserted 0', 'Inserted 1']));
  });

  it('sorts by a field either way, keyset-paged on (field, id), any case, nulls as empty', async () => {
    const byName = await t.asViewer.locations.list({
      profileId: t.a.profile.id,
      q: 'a',
      sort: { field: 'name', direction: 'asc' },
    });
    expect(names(byName.items)).toEqual(
      [...names(byName.items)].sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase())),
    );
    const walked: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.asViewer.locations.list({
        profileId: t.a.profile.id,
        sort: { field: 'basin', direction: 'desc' },
        limit: 2,
        cursor,
      });
      walked.push(...page.items.map((i) => i.basin ?? ''));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(walked).toEqual([...walked].sort().reverse());
    expect(walked.at(-1)).toBe('');
  });

  it('refuses a cursor of another order or a forged one with 400, never a 500', async () => {
    const page = await t.asViewer.locations.list({ profileId: t.a.profile.id, limit: 1 });
    await expectRefused(
      t.asViewer.locations.list({
        profileId: t.a.profile.id,
        sort: { field: 'name', direction: 'asc' },
        cursor: page.nextCursor!,
      }),
      'VALIDATION_FAILED',
    );
    const forged = Buffer.from(JSON.stringify(["x' or 1=1"])).toString('base64url');
    await expectRefused(
      t.asViewer.locations.list({ profileId: t.a.profile.id, cursor: forged }),
      'VALIDATION_FAILED',
    );
    await expectRefused(
      t.asViewer.locations.list({
        profileId: t.a.profile.id,
        sort: { field: 'code' as 'name', direction: 'asc' },
      }),
      'VALIDATION_FAILED',
    );
  });

  it('skips offset rows and counts total with withTotal, for a page-numbered table', async () => {
    const all = await t.asViewer.locations.list({
      profileId: t.a.profile.id,
      sort: { field: 'name', direction: 'asc' },
    });
    const second = await t.asViewer.locations.list({
      profileId: t.a.profile.id,
      sort: { field: 'name', direction: 'asc' },
      limit: 2,
      offset: 2,
      withTotal: true,
    });
    expect(names(second.items)).toEqual(names(all.items).slice(2, 4));
    expect(second.total).toBe(all.items.length);
    const filtered = await t.asViewer.locations.list({
      profileId: t.a.profile.id,
      type: 'storage',
      withTotal: true,
      limit: 1,
    });
    expect(filtered.total).toBe(2);
    expect(filtered.items).toHaveLength(1);
    await expectRefused(
      t.asViewer.locations.list({ profileId: t.a.profile.id, offset: 100_001 }),
      'VALIDATION_FAILED',
    );
  });

  it('lets a read key list its profile, refuses a member (403) and another tenant (404)', async () => {
    await expect(t.asReadKey.locations.list({ profileId: t.a.profile.id })).resolves.toMatchObject({
      items: expect.any(Array),
    });
    await expectRefused(t.asMember.locations.list({ profileId: t.a.profile.id }), 'FORBIDDEN');
    await expectRefused(t.asForeign.locations.list({ profileId: t.a.profile.id }), 'PROFILE_NOT_FOUND');
    await expectRefused(t.asReadKey.locations.list({ profileId: t.b.profile.id }), 'PROFILE_NOT_FOUND');
  });
});

describe('locations.points', () => {
  it('gives every located location of the filtered set, light', async () => {
    const { items, truncated } = await t.asReadKey.locations.points({
      profileId: t.a.profile.id,
      type: 'storage',
    });
    expect(truncated).toBe(false);
    // Old Terminal has no coordinates
    expect(items).toEqual([
      {
        _id: ids['Bakken Storage'],
        name: 'Bakken Storage',
        type: 'storage',
        status: 'inactive',
        latitude: 31.972096,
        longitude: -83.76064,
      },
    ]);
    await expectRefused(t.asForeign.locations.points({ profileId: t.a.profile.id }), 'PROFILE_NOT_FOUND');
  });
});

describe('locations.setStatus', () => {
  it("archives the profile's own ids only, in one go, counting those changed", async () => {
    const theirs = await t.asForeign.locations.list({ profileId: t.b.profile.id });
    const theirId = theirs.items[0]!._id;
    const result = await t.asEditor.locations.setStatus({
      profileId: t.a.profile.id,
      ids: [ids['Permian Buyer']!, ids['Old Terminal']!, theirId],
      status: 'archive',
    });
    // Old Terminal was archived already; B's location is not touched
    expect(result).toEqual({ updated: 1 });
    expect((await t.asEditor.locations.get({ _id: ids['Permian Buyer']! })).status).toBe('archive');
    expect((await t.asForeign.locations.get({ _id: theirId })).status).toBe('active');
    await t.asEditor.locations.setStatus({
      profileId: t.a.profile.id,
      ids: [ids['Permian Buyer']!],
      status: 'active',
    });
  });

  it('refuses a viewer (403), a read key (403) and another tenant (404), changing nothing', async () => {
    const input = { profileId: t.a.profile.id, ids: [ids['Haynesville Plant']!], status: 'archive' as const };
    await expectRefused(t.asViewer.locations.setStatus(input), 'FORBIDDEN');
    await expectRefused(t.asReadKey.locations.setStatus(input), 'FORBIDDEN');
    await expectRefused(t.asForeign.locations.setStatus(input), 'PROFILE_NOT_FOUND');
    expect((await t.asViewer.locations.get({ _id: ids['Haynesville Plant']! })).status).toBe('active');
    await expect(t.asWriteKey.locations.setStatus({ ...input, status: 'active' })).resolves.toEqual({
      updated: 0,
    });
  });
});

describe('archived profile or organization', () => {
  it('hides the locations of an archived profile (404) and of an archived organization, to users and keys', async () => {
    const { profile, organization } = t.b;
    const before = await t.asForeign.locations.list({ profileId: profile.id });
    const id = before.items[0]!._id;
    await rt.db
      .update(organizationProfiles)
      .set({ status: 'archive' })
      .where(eq(organizationProfiles.id, profile.id));
    await expectRefused(t.asForeign.locations.list({ profileId: profile.id }), 'PROFILE_NOT_FOUND');
    await expectRefused(t.asForeign.locations.get({ _id: id }), 'LOCATION_NOT_FOUND');
    await expectRefused(t.asForeign.locations.create(seedLocation(profile.id, 'Late')), 'PROFILE_NOT_FOUND');
    await rt.db
      .update(organizationProfiles)
      .set({ status: 'active' })
      .where(eq(organizationProfiles.id, profile.id));
    await rt.db.update(organizations).set({ status: 'archive' }).where(eq(organizations.id, organization.id));
    await expectRefused(t.asForeign.locations.get({ _id: id }), 'LOCATION_NOT_FOUND');
    await rt.db.update(organizations).set({ status: 'active' }).where(eq(organizations.id, organization.id));
    await expect(t.asForeign.locations.get({ _id: id })).resolves.toMatchObject({ _id: id });
  });
});
