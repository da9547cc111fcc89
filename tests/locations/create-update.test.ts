import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused } from '../helpers/refusals';
import { testRuntime } from '../helpers/runtime';
import { createLocationTenants, eventsOf, locationRow, seedLocation } from './support';

const rt = testRuntime();
let t: Awaited<ReturnType<typeof createLocationTenants>>;
beforeAll(async () => {
  t = await createLocationTenants(rt);
});

describe('locations.create', () => {
  it('creates the seed location active, basin canonical, audited with the user', async () => {
    const created = await t.asEditor.locations.create({
      ...seedLocation(t.a.profile.id, 'Seed A'),
      basin: 'permian',
    });
    expect(created).toMatchObject({
      profileId: t.a.profile.id,
      organizationId: t.a.organization.id,
      name: 'Seed A',
      code: null,
      type: 'buying',
      basin: 'Permian',
      isDirectConnection: false,
      preferredSuppliers: ['Antero'],
      coordinates: { latitude: 31.972096, longitude: -83.76064 },
      address: { country: 'US' },
      status: 'active',
    });
    const [event] = await eventsOf(rt, created._id);
    expect(event).toMatchObject({
      action: 'location.created',
      actorKeyId: null,
      organizationId: t.a.organization.id,
    });
  });

  it('matches a basin by another of its names and trims and de-duplicates suppliers', async () => {
    const created = await t.asEditor.locations.create({
      ...seedLocation(t.a.profile.id, 'Aliases'),
      basin: '  marcellus ',
      preferredSuppliers: [' Antero ', 'antero', '', 'EQT', 'EQT '],
    });
    expect(created.basin).toBe('Appalachian');
    expect(created.preferredSuppliers).toEqual(['Antero', 'EQT']);
  });

  it('refuses an unknown basin, a type outside the catalog, one coordinate, a bad country or US state, a supplier with ";"', async () => {
    const base = seedLocation(t.a.profile.id, 'Bad');
    await expectRefused(t.asEditor.locations.create({ ...base, basin: 'Atlantis' }), 'VALIDATION_FAILED');
    await expectRefused(
      t.asEditor.locations.create({ ...base, type: 'teleport' as 'buying' }),
      'VALIDATION_FAILED',
    );
    await expectRefused(
      t.asEditor.locations.create({
        ...base,
        coordinates: { latitude: 31 } as { latitude: number; longitude: number },
      }),
      'VALIDATION_FAILED',
    );
    await expectRefused(
      t.asEditor.locations.create({ ...base, coordinates: { latitude: 91, longitude: 0 } }),
      'VALIDATION_FAILED',
    );
    await expectRefused(
      t.asEditor.locations.create({ ...base, address: { country: 'XX' } }),
      'VALIDATION_FAILED',
    );
    await expectRefused(
      t.asEditor.locations.create({ ...base, address: { country: 'US', state: 'ZZ' } }),
      'VALIDATION_FAILED',
    );
    await expectRefused(
      t.asEditor.locations.create({
        ...base,
        preferredSuppliers: Array.from({ length: 51 }, (_, i) => `S${i}`),
      }),
      'VALIDATION_FAILED',
    );
    const semicolon = await expectRefused(
      t.asEditor.locations.create({ ...base, preferredSuppliers: ['Antero', 'EQT; Range'] }),
      'VALIDATION_FAILED',
    );
    expect(semicolon.errors).toEqual([
      { path: 'preferredSuppliers.1', message: 'must not contain ";" (it separates suppliers in CSV files)' },
    ]);
    const { items } = await t.asAdmin.locations.list({ profileId: t.a.profile.id, q: 'Bad' });
    expect(items).toEqual([]);
  });

  it('refuses a name the profile already has in any case with 409 LOCATION_NAME_TAKEN', async () => {
    await t.asEditor.locations.create(seedLocation(t.a.profile.id, 'Unique Name'));
    const refusal = await expectRefused(
      t.asEditor.locations.create(seedLocation(t.a.profile.id, 'UNIQUE name')),
      'LOCATION_NAME_TAKEN',
    );
    expect(refusal.status).toBe(409);
    expect(refusal.errors).toEqual([expect.objectContaining({ path: 'name' })]);
    // another profile may use it
    await expect(
      t.asForeign.locations.create(seedLocation(t.b.profile.id, 'Unique Name')),
    ).resolves.toBeDefined();
  });

  it('refuses a code the profile already has with 409 LOCATION_CODE_TAKEN; no code twice is fine', async () => {
    await t.asEditor.locations.create({ ...seedLocation(t.a.profile.id, 'Coded 1'), code: 'FAC-1' });
    const refusal = await expectRefused(
      t.asEditor.locations.create({ ...seedLocation(t.a.profile.id, 'Coded 2'), code: 'FAC-1' }),
      'LOCATION_CODE_TAKEN',
    );
    expect(refusal.status).toBe(409);
    await t.asEditor.locations.create({ ...seedLocation(t.a.profile.id, 'Uncoded 1'), code: '' });
    await expect(
      t.asEditor.locations.create(seedLocation(t.a.profile.id, 'Uncoded 2')),
    ).resolves.toMatchObject({
      code: null,
    });
  });

  it('lets a viewer and a plain member not create (403), another tenant not even see the profile (404)', async () => {
    expect(
      (await expectRefused(t.asViewer.locations.create(seedLocation(t.a.profile.id, 'V')), 'FORBIDDEN'))
        .status,
    ).toBe(403);
    expect(
      (await expectRefused(t.asMember.locations.create(seedLocation(t.a.profile.id, 'M')), 'FORBIDDEN'))
        .status,
    ).toBe(403);
    const foreign = await expectRefused(
      t.asForeign.locations.create(seedLocation(t.a.profile.id, 'F')),
      'PROFILE_NOT_FOUND',
    );
    expect(foreign.status).toBe(404);
  });

  it('lets a locations:write key create (audited with the key), a locations:read key not', async () => {
    const created = await t.asWriteKey.locations.create(seedLocation(t.a.profile.id, 'By Key'));
    const [event] = await eventsOf(rt, created._id);
    expect(event).toMatchObject({
      action: 'location.created',
      actorKeyId: t.writeKey.keyId,
      actorUserId: t.a.admin.id,
    });
    expect((await locationRow(rt, created._id))!.createdByKeyId).toBe(t.writeKey.keyId);
    await expectRefused(
      t.asReadKey.locations.create(seedLocation(t.a.profile.id, 'By Read Key')),
      'FORBIDDEN',
    );
    // a key of A's profile cannot create in B's
    await expectRefused(
      t.asWriteKey.locations.create(seedLocation(t.b.profile.id, 'Elsewhere')),
      'PROFILE_NOT_FOUND',
    );
  });
});

describe('locations.update', () => {
  it('applies the seed #22 body, keeps absent fields and audits the changed ones', async () => {
    const created = await t.asEditor.locations.create({
      ...seedLocation(t.a.profile.id, 'To Update'),
      code: 'UPD-1',
    });
    const updated = await t.asEditor.locations.update({
      _id: created._id,
      basin: 'Permian',
      isDirectConnection: true,
      preferredSuppliers: ['QB'],
      name: 'Updated Location',
      address: { country: 'US', state: 'NY' },
      status: 'active',
    });
    expect(updated).toMatchObject({
      _id: created._id,
      name: 'Updated Location',
      code: 'UPD-1',
      type: 'buying',
      basin: 'Permian',
      isDirectConnection: true,
      preferredSuppliers: ['QB'],
      coordinates: created.coordinates,
      address: { country: 'US', state: 'NY' },
      status: 'active',
    });
    const events = await eventsOf(rt, created._id);
    expect(events.map((e) => e.action)).toEqual(['location.created', 'location.updated']);
    expect(events[1]!.data).toMatchObject({
      changed: ['name', 'isDirectConnection', 'preferredSuppliers', 'address'],
    });
  });

  it('clears code with "", type, basin and coordinates with null, the address with {}', async () => {
    const created = await t.asEditor.locations.create({
      ...seedLocation(t.a.profile.id, 'To Clear'),
      code: 'CLR-1',
    });
    const cleared = await t.asEditor.locations.update({
      _id: created._id,
      code: '',
      type: null,
      basin: null,
      coordinates: null,
      address: {},
    });
    expect(cleared).toMatchObject({ code: null, type: null, basin: null, coordinates: null, address: null });
  });

  it('writes nothing for an update that changes nothing', async () => {
    const created = await t.asEditor.locations.create(seedLocation(t.a.profile.id, 'Same'));
    rt.clock.advance(1000);
    const same = await t.asEditor.locations.update({ _id: created._id, name: 'Same', basin: 'PERMIAN' });
    expect(same.updatedAt).toBe(created.updatedAt);
    expect((await eventsOf(rt, created._id)).length).toBe(1);
  });

  it('audits a status change as location.statusChanged', async () => {
    const created = await t.asEditor.locations.create(seedLocation(t.a.profile.id, 'Archivable'));
    await t.asEditor.locations.update({ _id: created._id, status: 'archive' });
    const events = await eventsOf(rt, created._id);
    expect(events.map((e) => e.action)).toEqual(['location.created', 'location.statusChanged']);
    expect(events[1]!.data).toMatchObject({ from: 'active', status: 'archive' });
  });

  it('refuses a rename onto another location of the profile (409), allows a case change of its own name', async () => {
    await t.asEditor.locations.create(seedLocation(t.a.profile.id, 'Taken Here'));
    const other = await t.asEditor.locations.create({
      ...seedLocation(t.a.profile.id, 'Renaming'),
      code: 'RN-1',
    });
    await expectRefused(
      t.asEditor.locations.update({ _id: other._id, name: 'taken here' }),
      'LOCATION_NAME_TAKEN',
    );
    await t.asEditor.locations.create({ ...seedLocation(t.a.profile.id, 'Other Code'), code: 'RN-2' });
    await expectRefused(t.asEditor.locations.update({ _id: other._id, code: 'RN-2' }), 'LOCATION_CODE_TAKEN');
    expect((await locationRow(rt, other._id))!.name).toBe('Renaming');
    await expect(t.asEditor.locations.update({ _id: other._id, name: 'RENAMING' })).resolves.toMatchObject({
      name: 'RENAMING',
    });
  });

  it("answers 404 LOCATION_NOT_FOUND for another tenant's location, to a user and to a key; 403 to a viewer", async () => {
    const mine = await t.asEditor.locations.create(seedLocation(t.a.profile.id, 'Guarded'));
    const theirs = await t.asForeign.locations.create(seedLocation(t.b.profile.id, 'Theirs'));
    expect(
      (await expectRefused(t.asForeign.locations.update({ _id: mine._id, name: 'X' }), 'LOCATION_NOT_FOUND'))
        .status,
    ).toBe(404);
    await expectRefused(t.asForeign.locations.get({ _id: mine._id }), 'LOCATION_NOT_FOUND');
    await expectRefused(t.asWriteKey.locations.update({ _id: theirs._id, name: 'X' }), 'LOCATION_NOT_FOUND');
    await expectRefused(t.asReadKey.locations.get({ _id: theirs._id }), 'LOCATION_NOT_FOUND');
    await expectRefused(t.asViewer.locations.update({ _id: mine._id, name: 'X' }), 'FORBIDDEN');
    await expectRefused(t.asReadKey.locations.update({ _id: mine._id, name: 'X' }), 'FORBIDDEN');
    await expectRefused(
      t.asEditor.locations.get({ _id: '0197a1b2-0000-7000-8000-00000000dead' }),
      'LOCATION_NOT_FOUND',
    );
    expect((await locationRow(rt, mine._id))!.name).toBe('Guarded');
    expect((await locationRow(rt, theirs._id))!.name).toBe('Theirs');
  });

  it('lets a viewer and a read key get', async () => {
    const mine = await t.asEditor.locations.create(seedLocation(t.a.profile.id, 'Readable'));
    await expect(t.asViewer.locations.get({ _id: mine._id })).resolves.toMatchObject({ name: 'Readable' });
    await expect(t.asReadKey.locations.get({ _id: mine._id })).resolves.toMatchObject({ name: 'Readable' });
    await expectRefused(t.asMember.locations.get({ _id: mine._id }), 'FORBIDDEN');
  });
});
