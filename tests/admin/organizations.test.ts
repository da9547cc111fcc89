import { beforeAll, describe, expect, it } from 'vitest';
import { authorize } from '@/server/core/access/authorize';
import { auditRows, uniqueRequestId } from '../helpers/identity';
import { addMember, createOrganizationRow, createProfileRow, createTenant } from '../helpers/organizations';
import { expectRefused } from '../helpers/refusals';
import { contextOf, testRuntime } from '../helpers/runtime';
import { callerFor, createStaff, messageAt } from './helpers';

let staff: Awaited<ReturnType<typeof createStaff>>;
const rt = testRuntime();
beforeAll(async () => {
  staff = await createStaff(rt);
});

const unknownId = '0190a4f2-0000-7000-8000-00000000beef';
const address = { country: 'US', state: 'TX', city: 'Houston', line1: '1 Main St', postalCode: '77002' };

describe('admin: create an organization (#35)', () => {
  it('creates an active organization and records it', async () => {
    const requestId = uniqueRequestId();
    const caller = await callerFor(rt, staff.admin.id, requestId);
    const organization = await caller.admin.organizations.create({
      name: 'Organization Name',
      taxId: '123456789',
      duns: '123456789',
    });
    expect(organization).toMatchObject({
      name: 'Organization Name',
      taxId: '123456789',
      duns: '123456789',
      address: null,
      status: 'active',
    });
    const [event] = await auditRows(rt, { requestId });
    expect(event).toMatchObject({
      action: 'organization.created',
      organizationId: organization._id,
      actorUserId: staff.admin.id,
    });
  });

  it('keeps an address, and takes a name alone', async () => {
    const withAddress = await staff.asAdmin.admin.organizations.create({ name: 'Addressed', address });
    expect(withAddress.address).toEqual(address);
    const bare = await staff.asAdmin.admin.organizations.create({ name: 'Bare' });
    expect(bare).toMatchObject({ taxId: '', duns: '', address: null });
  });

  it.each([['12345678'], ['1234567890'], ['12345678a']])(
    'refuses DUNS %s with 400 (9 digits)',
    async (duns) => {
      const refusal = await expectRefused(
        staff.asAdmin.admin.organizations.create({ name: 'Bad DUNS', duns }),
        'VALIDATION_FAILED',
      );
      expect(refusal.status).toBe(400);
      expect(messageAt(refusal.errors, 'duns')).toBe('must be 9 digits');
    },
  );

  it('refuses an address without a country, an empty name and an unknown field with 400', async () => {
    const noCountry = await expectRefused(
      staff.asAdmin.admin.organizations.create({ name: 'X', address: { city: 'Houston' } }),
      'VALIDATION_FAILED',
    );
    expect(messageAt(noCountry.errors, 'address.country')).toBe('is required');
    const noName = await expectRefused(
      staff.asAdmin.admin.organizations.create({ name: ' ' }),
      'VALIDATION_FAILED',
    );
    expect(messageAt(noName.errors, 'name')).toBe('is required');
    const unknown = await expectRefused(
      staff.asAdmin.admin.organizations.create({ name: 'X', owner: 'me' } as never),
      'VALIDATION_FAILED',
    );
    expect(messageAt(unknown.errors, 'owner')).toBe('is not a known field');
  });
});

describe('admin: update an organization (#36)', () => {
  it('changes only the fields sent; "" clears taxId and duns', async () => {
    const created = await staff.asAdmin.admin.organizations.create({
      name: 'Before',
      taxId: '123456789',
      duns: '123456789',
      address,
    });
    const renamed = await staff.asAdmin.admin.organizations.update({ _id: created._id, name: 'After' });
    expect(renamed).toMatchObject({ name: 'After', taxId: '123456789', duns: '123456789', address });
    const cleared = await staff.asAdmin.admin.organizations.update({ _id: created._id, taxId: '', duns: '' });
    expect(cleared).toMatchObject({ name: 'After', taxId: '', duns: '', address });
  });

  it('replaces the address whole, and address {} clears it', async () => {
    const created = await staff.asAdmin.admin.organizations.create({ name: 'Moving', address });
    const moved = await staff.asAdmin.admin.organizations.update({
      _id: created._id,
      address: { country: 'CA', city: 'Calgary' },
    });
    expect(moved.address).toEqual({ country: 'CA', city: 'Calgary' });
    const cleared = await staff.asAdmin.admin.organizations.update({ _id: created._id, address: {} });
    expect(cleared.address).toBeNull();
  });

  it('records organization.updated with the changed field names, and nothing for no change', async () => {
    const created = await staff.asAdmin.admin.organizations.create({ name: 'Audited', address });
    const requestId = uniqueRequestId();
    const caller = await callerFor(rt, staff.admin.id, requestId);
    await caller.admin.organizations.update({ _id: created._id, name: 'Audited 2', address: { ...address } });
    const [event] = await auditRows(rt, { requestId });
    expect(event).toMatchObject({ action: 'organization.updated', data: { changed: ['name'] } });
    const quiet = uniqueRequestId();
    const again = await callerFor(rt, staff.admin.id, quiet);
    await again.admin.organizations.update({ _id: created._id, name: 'Audited 2' });
    expect(await auditRows(rt, { requestId: quiet })).toEqual([]);
  });

  it('archives: members lose access at once and me no longer lists it; restoring gives it back', async () => {
    const t = await createTenant(rt, `Archived ${Date.now()}`);
    await expect(
      authorize({ ...contextOf(rt), principal: t.memberCtx.principal }, 'profiles.read', {
        profileId: t.profile.id,
      }),
    ).resolves.toBeDefined();
    const requestId = uniqueRequestId();
    const caller = await callerFor(rt, staff.admin.id, requestId);
    const archived = await caller.admin.organizations.update({ _id: t.organization.id, status: 'archive' });
    expect(archived.status).toBe('archive');
    const [event] = await auditRows(rt, { requestId });
    expect(event).toMatchObject({
      action: 'organization.archived',
      organizationId: t.organization.id,
      data: { changed: ['status'] },
    });
    for (const ctx of [t.memberCtx, t.adminCtx]) {
      await expectRefused(
        authorize({ ...contextOf(rt), principal: ctx.principal }, 'organization.read', {
          organizationId: t.organization.id,
        }),
        'ORGANIZATION_NOT_FOUND',
      );
      await expectRefused(
        authorize({ ...contextOf(rt), principal: ctx.principal }, 'profiles.read', {
          profileId: t.profile.id,
        }),
        'PROFILE_NOT_FOUND',
      );
    }
    const asMember = await callerFor(rt, t.member.id);
    expect((await asMember.auth.me()).memberships).toEqual([]);
    await expectRefused(asMember.profiles.get({ profileId: t.profile.id }), 'PROFILE_NOT_FOUND');

    const restoreId = uniqueRequestId();
    const restorer = await callerFor(rt, staff.admin.id, restoreId);
    await restorer.admin.organizations.update({ _id: t.organization.id, status: 'active' });
    expect((await auditRows(rt, { requestId: restoreId }))[0]).toMatchObject({
      action: 'organization.restored',
    });
    expect((await asMember.auth.me()).memberships).toEqual([
      { organizationId: t.organization.id, name: t.organization.name, status: 'active' },
    ]);
  });

  it('refuses status values other than active and archive with 400', async () => {
    const organization = await createOrganizationRow(rt);
    const refusal = await expectRefused(
      staff.asAdmin.admin.organizations.update({ _id: organization.id, status: 'deleted' as never }),
      'VALIDATION_FAILED',
    );
    expect(messageAt(refusal.errors, 'status')).toContain('archive');
  });

  it('answers 404 ORGANIZATION_NOT_FOUND for an unknown id', async () => {
    const refusal = await expectRefused(
      staff.asAdmin.admin.organizations.update({ _id: unknownId, name: 'Nobody' }),
      'ORGANIZATION_NOT_FOUND',
    );
    expect(refusal.status).toBe(404);
    await expectRefused(
      staff.asSupport.admin.organizations.get({ _id: unknownId }),
      'ORGANIZATION_NOT_FOUND',
    );
  });
});

describe('admin: list and read organizations (#37)', () => {
  const stamp = Date.now().toString(36);
  let ids: Record<string, string>;
  beforeAll(async () => {
    ids = {};
    for (const name of [
      `Zulu ${stamp}`,
      `alpha ${stamp}`,
      `Bravo ${stamp}`,
      `50%_off ${stamp}`,
      `50xxoff ${stamp}`,
    ]) {
      ids[name] = (await createOrganizationRow(rt, { name })).id;
    }
    await createProfileRow(rt, ids[`alpha ${stamp}`]!);
    await createProfileRow(rt, ids[`alpha ${stamp}`]!, { status: 'archive' });
    await staff.asAdmin.admin.organizations.update({ _id: ids[`Zulu ${stamp}`]!, status: 'archive' });
  });

  it('finds part of the name in any case, sorted by name, with profile counts', async () => {
    const { items } = await staff.asSupport.admin.organizations.list({ search: `${stamp.toUpperCase()}` });
    expect(items.map((o) => [o.name, o.profileCount])).toEqual([
      [`50%_off ${stamp}`, 0],
      [`50xxoff ${stamp}`, 0],
      [`alpha ${stamp}`, 2],
      [`Bravo ${stamp}`, 0],
      [`Zulu ${stamp}`, 0],
    ]);
  });

  it('takes % and _ in the search literally', async () => {
    const { items } = await staff.asSupport.admin.organizations.list({ search: `%_off ${stamp}` });
    expect(items.map((o) => o.name)).toEqual([`50%_off ${stamp}`]);
  });

  it('filters by status', async () => {
    const archived = await staff.asSupport.admin.organizations.list({ search: stamp, status: 'archive' });
    expect(archived.items.map((o) => o.name)).toEqual([`Zulu ${stamp}`]);
    const active = await staff.asSupport.admin.organizations.list({ search: stamp, status: 'active' });
    expect(active.items).toHaveLength(4);
  });

  it('pages with the cursor without skipping or repeating', async () => {
    const first = await staff.asSupport.admin.organizations.list({ search: stamp, limit: 3 });
    expect(first.items).toHaveLength(3);
    const second = await staff.asSupport.admin.organizations.list({
      search: stamp,
      limit: 3,
      cursor: first.nextCursor!,
    });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((o) => o.name)).toEqual([
      `50%_off ${stamp}`,
      `50xxoff ${stamp}`,
      `alpha ${stamp}`,
      `Bravo ${stamp}`,
      `Zulu ${stamp}`,
    ]);
  });

  it('lists with an empty body', async () => {
    const { items } = await staff.asSupport.admin.organizations.list({});
    expect(items.length).toBeGreaterThanOrEqual(5);
  });

  it('reads one organization with its profiles and its members with organization roles', async () => {
    const t = await createTenant(rt);
    const invited = await createTenant(rt);
    await addMember(rt, t.organization.id, invited.member.id, [], 'invited');
    const detail = await staff.asSupport.admin.organizations.get({ _id: t.organization.id });
    expect(detail.profiles.map((p) => p._id)).toEqual([t.profile.id]);
    expect(detail.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ _id: t.admin.id, status: 'active', roles: ['default.organization.admin'] }),
        expect.objectContaining({
          _id: t.member.id,
          status: 'active',
          roles: ['default.organization.member'],
        }),
        expect.objectContaining({ _id: invited.member.id, status: 'invited', roles: [] }),
      ]),
    );
    expect(detail.members).toHaveLength(3);
  });
});
