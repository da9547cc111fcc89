import { beforeAll, describe, expect, it } from 'vitest';
import { auditRows, uniqueRequestId } from '../helpers/identity';
import {
  addMember,
  createOrganizationRow,
  createProfileRow,
  createTenant,
  grantProfileRole,
} from '../helpers/organizations';
import { expectRefused } from '../helpers/refusals';
import { createUser, testRuntime } from '../helpers/runtime';
import { callerFor, createStaff, messageAt } from './helpers';

let staff: Awaited<ReturnType<typeof createStaff>>;
const rt = testRuntime();
beforeAll(async () => {
  staff = await createStaff(rt);
});

const unknownId = '0190a4f2-0000-7000-8000-00000000cafe';
const seedTags = [
  {
    tag: 'nat_gas_producer',
    measurers: [
      { identifier: 'mock-server', standardTypes: ['OGCI', 'NGSI'] },
      { identifier: 'project-canary', standardTypes: ['OGCI'] },
    ],
    verifiers: [{ identifier: 'demo_verifier' }, { identifier: 'spirit' }],
  },
  { tag: 'nat_gas_transportation_producer' },
  { tag: 'nat_gas_buyer' },
  { tag: 'nat_gas_transportation_buyer' },
];

describe('admin: create a profile (#38)', () => {
  it('creates a profile with tags stored whole ({tag, measurers: [], verifiers: []}) and records it', async () => {
    const organization = await createOrganizationRow(rt, { name: 'Profiled' });
    const requestId = uniqueRequestId();
    const caller = await callerFor(rt, staff.admin.id, requestId);
    const profile = await caller.admin.profiles.create({
      name: 'Organization Profile Name',
      organizationId: organization.id,
      taxId: '800162034',
      duns: '831003012',
      participantTypes: ['producer'],
      participantTags: [{ tag: 'nat_gas_producer' }],
    });
    expect(profile).toMatchObject({
      organizationId: organization.id,
      organizationName: 'Profiled',
      taxId: '800162034',
      duns: '831003012',
      participantTypes: ['producer'],
      participantTags: [{ tag: 'nat_gas_producer', measurers: [], verifiers: [] }],
      status: 'active',
    });
    const [event] = await auditRows(rt, { requestId });
    expect(event).toMatchObject({
      action: 'profile.created',
      organizationId: organization.id,
      targetId: profile._id,
    });
  });

  it('answers 404 ORGANIZATION_NOT_FOUND for an unknown organization', async () => {
    const refusal = await expectRefused(
      staff.asAdmin.admin.profiles.create({ name: 'Orphan', organizationId: unknownId }),
      'ORGANIZATION_NOT_FOUND',
    );
    expect(refusal.status).toBe(404);
  });

  it('refuses a profile for an archived organization with 409 ORGANIZATION_ARCHIVED', async () => {
    const organization = await createOrganizationRow(rt, { status: 'archive' });
    const refusal = await expectRefused(
      staff.asAdmin.admin.profiles.create({ name: 'Too late', organizationId: organization.id }),
      'ORGANIZATION_ARCHIVED',
    );
    expect(refusal.status).toBe(409);
    expect((await staff.asAdmin.admin.organizations.get({ _id: organization.id })).profiles).toEqual([]);
  });

  const invalid = [
    {
      what: 'an unknown tag',
      participantTags: [{ tag: 'oil_producer' }],
      path: 'participantTags.0.tag',
      names: ['nat_gas_producer', 'nat_gas_transportation_buyer'],
    },
    {
      what: 'an unknown measurer',
      participantTags: [
        { tag: 'nat_gas_producer', measurers: [{ identifier: 'acme', standardTypes: ['OGCI'] }] },
      ],
      path: 'participantTags.0.measurers.0.identifier',
      names: ['mock-server', 'project-canary'],
    },
    {
      what: 'a measurer on a tag that takes none',
      participantTags: [
        { tag: 'nat_gas_buyer', measurers: [{ identifier: 'mock-server', standardTypes: ['OGCI'] }] },
      ],
      path: 'participantTags.0.measurers.0.identifier',
      names: ['nat_gas_buyer takes no measurers'],
    },
    {
      what: 'an unknown verifier',
      participantTags: [{ tag: 'nat_gas_producer', verifiers: [{ identifier: 'acme' }] }],
      path: 'participantTags.0.verifiers.0.identifier',
      names: ['demo_verifier', 'spirit'],
    },
    {
      what: 'an unknown standard type',
      participantTags: [
        { tag: 'nat_gas_producer', measurers: [{ identifier: 'mock-server', standardTypes: ['ISO'] }] },
      ],
      path: 'participantTags.0.measurers.0.standardTypes.0',
      names: ['OGCI', 'NGSI'],
    },
  ];

  it.each(invalid)('refuses $what with 400 VALIDATION_FAILED naming the allowed values', async (c) => {
    const organization = await createOrganizationRow(rt);
    const refusal = await expectRefused(
      staff.asAdmin.admin.profiles.create({
        name: 'Invalid',
        organizationId: organization.id,
        participantTags: c.participantTags as never,
      }),
      'VALIDATION_FAILED',
    );
    expect(refusal.status).toBe(400);
    const message = messageAt(refusal.errors, c.path);
    for (const name of c.names) expect(message).toContain(name);
  });

  it('refuses an unknown participant type with 400 naming the allowed types', async () => {
    const organization = await createOrganizationRow(rt);
    const refusal = await expectRefused(
      staff.asAdmin.admin.profiles.create({
        name: 'Invalid',
        organizationId: organization.id,
        participantTypes: ['miner' as never],
      }),
      'VALIDATION_FAILED',
    );
    expect(messageAt(refusal.errors, 'participantTypes.0')).toContain('producer');
  });

  it('refuses DUNS that is not 9 digits with 400', async () => {
    const organization = await createOrganizationRow(rt);
    const refusal = await expectRefused(
      staff.asAdmin.admin.profiles.create({ name: 'X', organizationId: organization.id, duns: '83100301' }),
      'VALIDATION_FAILED',
    );
    expect(messageAt(refusal.errors, 'duns')).toBe('must be 9 digits');
  });
});

describe('admin: update a profile (#39)', () => {
  it('replaces the whole tag list with measurers and verifiers, and records the changed fields', async () => {
    const organization = await createOrganizationRow(rt);
    const profile = await createProfileRow(rt, organization.id, { taxId: '800162034' });
    const requestId = uniqueRequestId();
    const caller = await callerFor(rt, staff.admin.id, requestId);
    const updated = await caller.admin.profiles.update({
      _id: profile.id,
      participantTags: seedTags as never,
    });
    expect(updated.participantTags).toEqual([
      seedTags[0],
      { tag: 'nat_gas_transportation_producer', measurers: [], verifiers: [] },
      { tag: 'nat_gas_buyer', measurers: [], verifiers: [] },
      { tag: 'nat_gas_transportation_buyer', measurers: [], verifiers: [] },
    ]);
    expect(updated).toMatchObject({
      taxId: '800162034',
      name: profile.name,
      organizationName: organization.name,
    });
    const [event] = await auditRows(rt, { requestId });
    expect(event).toMatchObject({
      action: 'profile.updated',
      organizationId: organization.id,
      data: { changed: ['participantTags'] },
    });
    const replaced = await staff.asAdmin.admin.profiles.update({
      _id: profile.id,
      participantTags: [{ tag: 'nat_gas_buyer' }],
    });
    expect(replaced.participantTags).toEqual([{ tag: 'nat_gas_buyer', measurers: [], verifiers: [] }]);
  });

  it('changes participant types and status, and "" clears taxId and duns', async () => {
    const organization = await createOrganizationRow(rt);
    const profile = await createProfileRow(rt, organization.id, { taxId: '800162034', duns: '831003012' });
    const updated = await staff.asAdmin.admin.profiles.update({
      _id: profile.id,
      participantTypes: ['buyer', 'transportation'],
      status: 'archive',
      taxId: '',
      duns: '',
    });
    expect(updated).toMatchObject({
      participantTypes: ['buyer', 'transportation'],
      status: 'archive',
      taxId: '',
      duns: '',
    });
  });

  it('refuses a tag listed twice with 400', async () => {
    const profile = await createProfileRow(rt, (await createOrganizationRow(rt)).id);
    const refusal = await expectRefused(
      staff.asAdmin.admin.profiles.update({
        _id: profile.id,
        participantTags: [{ tag: 'nat_gas_buyer' }, { tag: 'nat_gas_buyer' }],
      }),
      'VALIDATION_FAILED',
    );
    expect(messageAt(refusal.errors, 'participantTags.1.tag')).toBe('is listed twice');
  });

  it('answers 404 PROFILE_NOT_FOUND for an unknown id', async () => {
    await expectRefused(
      staff.asAdmin.admin.profiles.update({ _id: unknownId, name: 'X' }),
      'PROFILE_NOT_FOUND',
    );
    await expectRefused(staff.asSupport.admin.profiles.get({ _id: unknownId }), 'PROFILE_NOT_FOUND');
  });

  it('reads a profile with its organization name', async () => {
    const organization = await createOrganizationRow(rt, { name: 'Named Org' });
    const profile = await createProfileRow(rt, organization.id);
    const read = await staff.asSupport.admin.profiles.get({ _id: profile.id });
    expect(read).toMatchObject({ _id: profile.id, organizationName: 'Named Org' });
  });
});

describe("members' own profile (get and update)", () => {
  it('lets a holder of profiles.write change name, ids and tags through the same rules', async () => {
    const t = await createTenant(rt);
    const asAdmin = await callerFor(rt, t.admin.id);
    const updated = await asAdmin.profiles.update({
      _id: t.profile.id,
      name: 'Renamed by the organization',
      duns: '',
      participantTags: [{ tag: 'nat_gas_producer', verifiers: [{ identifier: 'spirit' }] }],
    });
    expect(updated).toMatchObject({
      name: 'Renamed by the organization',
      duns: '',
      participantTags: [{ tag: 'nat_gas_producer', measurers: [], verifiers: [{ identifier: 'spirit' }] }],
    });
    expect(updated).not.toHaveProperty('organizationName');
    const asMember = await callerFor(rt, t.member.id);
    await expect(asMember.profiles.get({ profileId: t.profile.id })).resolves.toEqual(updated);
  });

  it('lets a profile-level role holder edit that profile', async () => {
    const t = await createTenant(rt);
    const editor = await createUser(rt);
    await addMember(rt, t.organization.id, editor.id, []);
    await grantProfileRole(rt, t.profile.id, editor.id, 'basic.admin');
    const caller = await callerFor(rt, editor.id);
    await expect(caller.profiles.update({ _id: t.profile.id, name: 'Edited' })).resolves.toMatchObject({
      name: 'Edited',
    });
  });

  it('refuses a plain member with 403 FORBIDDEN and leaves the profile unchanged', async () => {
    const t = await createTenant(rt);
    const asMember = await callerFor(rt, t.member.id);
    const refusal = await expectRefused(
      asMember.profiles.update({ _id: t.profile.id, name: 'Nope' }),
      'FORBIDDEN',
    );
    expect(refusal.status).toBe(403);
    expect((await staff.asAdmin.admin.profiles.get({ _id: t.profile.id })).name).toBe(t.profile.name);
  });

  it("answers 404 for another organization's profile, exactly like a missing one", async () => {
    const a = await createTenant(rt);
    const b = await createTenant(rt);
    const asAdminA = await callerFor(rt, a.admin.id);
    await expectRefused(asAdminA.profiles.update({ _id: b.profile.id, name: 'Taken' }), 'PROFILE_NOT_FOUND');
    await expectRefused(asAdminA.profiles.get({ profileId: b.profile.id }), 'PROFILE_NOT_FOUND');
    await expectRefused(asAdminA.profiles.get({ profileId: unknownId }), 'PROFILE_NOT_FOUND');
  });

  it('refuses participantTypes and status from a member with 400 (platform fields)', async () => {
    const t = await createTenant(rt);
    const asAdmin = await callerFor(rt, t.admin.id);
    const refusal = await expectRefused(
      asAdmin.profiles.update({ _id: t.profile.id, participantTypes: ['buyer'], status: 'archive' } as never),
      'VALIDATION_FAILED',
    );
    expect(refusal.errors.map((e) => e.path).sort()).toEqual(['participantTypes', 'status']);
  });
});
