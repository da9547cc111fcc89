import { beforeAll, describe, expect, it } from 'vitest';
import { businessLocations, reports } from '@/db/schema';
import { appRouter } from '@/server/routers';
import { createOrganizationRow, createProfileRow } from '../helpers/organizations';
import { expectRefused } from '../helpers/refusals';
import { createUser, testRuntime, userById } from '../helpers/runtime';
import { type Caller, createStaff } from './helpers';

/** Who reaches the admin console: platform.admin everything, platform.support reads only, others nothing. */
let staff: Awaited<ReturnType<typeof createStaff>>;
let ids: {
  userId: string;
  organizationId: string;
  profileId: string;
  tfaId: string;
  locationId: string;
  reportId: string;
};
const rt = testRuntime();
beforeAll(async () => {
  staff = await createStaff(rt);
  const organization = await createOrganizationRow(rt);
  const profile = await createProfileRow(rt, organization.id);
  const target = await createUser(rt);
  const [location] = await rt.db
    .insert(businessLocations)
    .values({
      organizationId: organization.id,
      profileId: profile.id,
      name: 'Point',
      address: { country: 'US' },
    })
    .returning();
  const [report] = await rt.db
    .insert(reports)
    .values({
      template: 'locations',
      templateVersion: 1,
      title: 'Locations of a profile',
      statementNumber: 'LI-2026-900001',
      data: {},
      organizationId: organization.id,
      profileId: profile.id,
      issuedAt: new Date('2026-01-01T00:00:00Z'),
      verificationHash: 'f'.repeat(64),
    })
    .returning();
  ids = {
    reportId: report!.id,
    locationId: location!.id,
    userId: target.id,
    organizationId: organization.id,
    profileId: profile.id,
    tfaId: '0190a4f2-0000-7000-8000-000000000000',
  };
});

type ProcedureDef = { _def: { type: 'query' | 'mutation' | 'subscription' } };
const adminProcedures = Object.entries(
  (appRouter as unknown as { _def: { procedures: Record<string, ProcedureDef> } })._def.procedures,
).filter(([path]) => path.startsWith('admin.'));
const reads = adminProcedures.filter(([, p]) => p._def.type === 'query').map(([path]) => path);
const writes = adminProcedures.filter(([, p]) => p._def.type === 'mutation').map(([path]) => path);

/** A valid input for every admin read, so a refusal can only come from the permission. */
const readInputs: Record<string, () => unknown> = {
  'admin.users.get': () => ({ userId: ids.userId }),
  'admin.users.search': () => ({ email: '' }),
  'admin.users.tfa.list': () => ({ userId: ids.userId }),
  'admin.organizations.list': () => ({}),
  'admin.organizations.get': () => ({ _id: ids.organizationId }),
  'admin.profiles.search': () => ({ participantTags: [{ tag: 'nat_gas_producer' }] }),
  'admin.profiles.get': () => ({ _id: ids.profileId }),
  'admin.roles.list': () => ({}),
  'admin.participantTags.list': () => ({}),
  'admin.featureFlags.list': () => ({}),
  'admin.audit.list': () => ({}),
  'admin.apiKeys.list': () => ({ profileId: ids.profileId }),
  'admin.overview': () => undefined,
  'admin.locations.get': () => ({ _id: ids.locationId }),
  'admin.locations.list': () => ({ q: 'point' }),
  'admin.preproduction.status': () => undefined,
  'admin.reports.templates': () => undefined,
  'admin.reports.list': () => ({ search: 'LI-2026' }),
  'admin.reports.get': () => ({ _id: ids.reportId }),
};

/** Reads only a platform admin makes: the preproduction page, where only an admin can act. */
const adminOnlyReads = ['admin.preproduction.status'];

/** A valid input for every admin write: support must be refused for the permission, not the body. */
const writeInputs: Record<string, () => unknown> = {
  'admin.users.create': () => ({ email: 'support-made@example.com', password: 'temporary-password' }),
  'admin.users.update': () => ({ _id: ids.userId, firstName: 'Changed' }),
  'admin.users.addRoleLinks': () => ({
    userId: ids.userId,
    roleLinks: [{ roleCode: 'basic.viewer', entityType: 'organization', entityId: ids.organizationId }],
  }),
  'admin.users.removeRoleLinks': () => ({
    userId: ids.userId,
    roleLinks: [{ roleCode: 'basic.viewer', entityType: 'organization', entityId: ids.organizationId }],
  }),
  'admin.users.setPassword': () => ({ userId: ids.userId, password: 'new-password' }),
  'admin.users.revokeSessions': () => ({ userId: ids.userId }),
  'admin.users.tfa.remove': () => ({ userId: ids.userId, tfaId: ids.tfaId }),
  'admin.organizations.create': () => ({ name: 'Made by support' }),
  'admin.organizations.update': () => ({ _id: ids.organizationId, name: 'Renamed by support' }),
  'admin.profiles.create': () => ({ name: 'Made by support', organizationId: ids.organizationId }),
  'admin.profiles.update': () => ({ _id: ids.profileId, name: 'Renamed by support' }),
  'admin.locations.create': () => ({
    profileId: ids.profileId,
    name: 'Made by support',
    address: { country: 'US' },
  }),
  'admin.locations.update': () => ({ _id: ids.locationId, name: 'Renamed by support' }),
  'admin.apiKeys.revoke': () => ({ profileId: ids.profileId, _id: ids.tfaId }),
  'admin.preproduction.reset': () => ({ password: 'temporary-password' }),
  'admin.reports.render': () => ({ template: 'locations', data: {} }),
  'admin.reports.preview': () => ({ template: 'locations', data: {} }),
  'admin.reports.void': () => ({ _id: ids.reportId, reason: 'Voided by support' }),
};

const call = (caller: Caller, path: string, input: unknown) => {
  const fn = path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller as unknown);
  return (fn as (input: unknown) => Promise<unknown>)(input);
};

describe('admin access', () => {
  it('has a valid input here for every admin procedure, so none escapes the checks below', () => {
    expect(reads.filter((p) => !readInputs[p])).toEqual([]);
    expect(writes.filter((p) => !writeInputs[p])).toEqual([]);
    expect(reads.length + writes.length).toBe(adminProcedures.length);
  });

  it.each(reads.filter((p) => !adminOnlyReads.includes(p)))('lets platform.support read %s', async (path) => {
    await expect(call(staff.asSupport, path, readInputs[path]!())).resolves.toBeDefined();
  });

  it.each(reads)('lets platform.admin read %s', async (path) => {
    await expect(call(staff.asAdmin, path, readInputs[path]!())).resolves.toBeDefined();
  });

  it.each(adminOnlyReads)('refuses %s to platform.support with 403 FORBIDDEN', async (path) => {
    const refusal = await expectRefused(call(staff.asSupport, path, readInputs[path]!()), 'FORBIDDEN');
    expect(refusal.status).toBe(403);
  });

  it.each(writes)('refuses %s to platform.support with 403 FORBIDDEN', async (path) => {
    const refusal = await expectRefused(call(staff.asSupport, path, writeInputs[path]!()), 'FORBIDDEN');
    expect(refusal.status).toBe(403);
  });

  it.each([...reads, ...writes])('refuses %s to a user without a platform role with 403', async (path) => {
    const input = (readInputs[path] ?? writeInputs[path])!();
    const refusal = await expectRefused(call(staff.asPlain, path, input), 'FORBIDDEN');
    expect(refusal.status).toBe(403);
  });

  it('leaves everything as it was after the refused writes', async () => {
    expect((await userById(rt, ids.userId)).firstName).toBe('Test');
    const { items } = await staff.asAdmin.admin.users.search({ email: 'support-made' });
    expect(items).toEqual([]);
    const organization = await staff.asAdmin.admin.organizations.get({ _id: ids.organizationId });
    expect(organization.name).not.toContain('support');
    expect(organization.profiles.map((p) => p.name)).not.toContain('Made by support');
    expect(organization.members).toEqual([]);
    const locations = await staff.asAdmin.admin.locations.list({ profileId: ids.profileId });
    expect(locations.items.map((l) => l.name)).toEqual(['Point']);
  });
});
