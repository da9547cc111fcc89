import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize } from '@/server/core/access/authorize';
import { seedHeaders, sendSeed, startTestServer } from '../helpers/http';
import { enableTotp } from '../helpers/identity';
import { expectRefused } from '../helpers/refusals';
import { contextOf, createUser, STRONG_PASSWORD, signedIn, testRuntime } from '../helpers/runtime';
import { seed } from './seed-admin-bodies';

/**
 * The seed's administrative examples (#25-#40, #42; shared/seed/platform-api-seed.txt), each body
 * sent as the seed's own text with only its <placeholders> replaced by real ids.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let adminToken: string;
const ids: Record<string, string> = {};

const rt = testRuntime();
beforeAll(async () => {
  server = await startTestServer(rt);
  const admin = await createUser(rt, {
    email: 'platform-admin@example.com',
    platformRoles: ['platform.admin'],
  });
  const login = async (email: string) =>
    (
      await server.request<{ accessToken: string }>('POST', '/auth/login', {
        body: { email, secret: STRONG_PASSWORD },
      })
    ).body.accessToken;
  adminToken = await login(admin.email);
});
afterAll(async () => {
  await server.close();
});

type Body = Record<string, unknown> & { items?: Record<string, unknown>[] };

const send = (
  path: string,
  text: string,
  options: { token?: string; headers?: Record<string, string> } = {},
) => sendSeed(server, path, text, ids, { token: adminToken, ...options });

describe('seed: administrative examples, in the order an admin would use them', () => {
  it('#25 creates the user with a temporary password (201)', async () => {
    const res = await send('/admin/users/create', seed.createUser);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: 'user@example.com',
      firstName: 'First',
      lastName: 'Last',
      status: 'active',
      passwordChangeRequired: true,
      roleLinks: [],
      tfaMethods: [],
      memberships: [],
    });
    ids.userId = res.body._id as string;
    const login = await server.request('POST', '/auth/login', {
      body: { email: 'user@example.com', secret: 'temporary-password' },
    });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('#35 creates the organization (201)', async () => {
    const res = await send('/admin/organizations/create', seed.createOrganization);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Organization Name',
      taxId: '123456789',
      duns: '123456789',
      address: null,
      status: 'active',
    });
    ids.organizationId = res.body._id as string;
  });

  it('#38 creates the profile (201), tags stored with empty measurers and verifiers', async () => {
    const res = await send('/admin/organization-profiles/create', seed.createProfile);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Organization Profile Name',
      organizationId: ids.organizationId,
      organizationName: 'Organization Name',
      taxId: '800162034',
      duns: '831003012',
      participantTypes: ['producer'],
      participantTags: [{ tag: 'nat_gas_producer', measurers: [], verifiers: [] }],
      status: 'active',
    });
    ids.profileId = res.body._id as string;
  });

  it('#38 with the seed client-id/client-key headers and a real admin-scoped key creates the profile (201)', async () => {
    // #13 by the platform admin, with the admin scope only a platform admin can grant
    const key = await send('/api-keys/create', `{"profileId": "<profileId>", "scopes": ["admin"]}`);
    expect(key.status).toBe(201);
    ids.clientId = key.body.clientId as string;
    ids.clientKey = key.body.clientKey as string;
    const res = await send('/admin/organization-profiles/create', seed.createProfile, {
      token: '',
      headers: seedHeaders(seed.clientHeaders, ids),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Organization Profile Name', organizationId: ids.organizationId });
    const wrong = await send('/admin/organization-profiles/create', seed.createProfile, {
      token: '',
      headers: seedHeaders(seed.clientHeaders, { ...ids, clientKey: 'not-the-key' }),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(wrong.body.code).toBe('INVALID_CLIENT_CREDENTIALS');
  });

  it('#26 updates the first name (200)', async () => {
    const res = await send('/admin/users/update', seed.updateUser);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ _id: ids.userId, firstName: 'UpdatedFirstName', lastName: 'Last' });
  });

  it('#27 adds the organization admin and profile roles (200) and makes the user a member', async () => {
    const res = await send('/admin/users/role-links/add', seed.addRoleLinks);
    expect(res.status).toBe(200);
    expect(res.body.userId).toBe(ids.userId);
    const links = (res.body.roleLinks as Body[]).map(({ roleCode, entityType, entityId, entityName }) => ({
      roleCode,
      entityType,
      entityId,
      entityName,
    }));
    expect(links).toEqual(
      expect.arrayContaining([
        {
          roleCode: 'default.organization.admin',
          entityType: 'organization',
          entityId: ids.organizationId,
          entityName: 'Organization Name',
        },
        {
          roleCode: 'sox.producer.admin',
          entityType: 'organization_profile',
          entityId: ids.profileId,
          entityName: 'Organization Profile Name',
        },
      ]),
    );
    expect(links).toHaveLength(2);
  });

  it('#28 removes the organization admin role (200)', async () => {
    const res = await send('/admin/users/role-links/remove', seed.removeRoleLinks);
    expect(res.status).toBe(200);
    expect((res.body.roleLinks as Body[]).map((l) => l.roleCode)).toEqual(['sox.producer.admin']);
  });

  it('#29 sets "new-password" as a temporary password (204)', async () => {
    const res = await send('/admin/users/password', seed.setPassword);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const login = await server.request('POST', '/auth/login', {
      body: { email: 'user@example.com', secret: 'new-password' },
    });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('#30 reads the user with role links, TFA methods and memberships (200)', async () => {
    const res = await send('/admin/users/get', seed.userId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      _id: ids.userId,
      email: 'user@example.com',
      firstName: 'UpdatedFirstName',
      passwordChangeRequired: true,
      tfaMethods: [],
      memberships: [{ organizationId: ids.organizationId, name: 'Organization Name', status: 'active' }],
    });
    expect(res.text).not.toMatch(/hash|secret/i);
  });

  it("#31 revokes the user's sessions (204): a restricted token stops working", async () => {
    const login = await server.request<{ restrictedToken: string }>('POST', '/auth/login', {
      body: { email: 'user@example.com', secret: 'new-password' },
    });
    const token = login.body.restrictedToken;
    const res = await send('/admin/users/sessions/revoke', seed.userId);
    expect(res.status).toBe(204);
    const change = await server.request('POST', '/auth/password', {
      token,
      body: { password: 'a-brand-new-password', oldPassword: 'new-password' },
    });
    expect(change.status).toBe(401);
  });

  it('#32 searches by part of an email (200): the seed text matches nobody, a real part matches', async () => {
    const res = await send('/admin/users/search', seed.searchUsers);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], nextCursor: null, total: 0 });
    const found = await server.request<Body>('POST', '/admin/users/search', {
      token: adminToken,
      body: { email: 'USER@EXAMPLE' },
    });
    expect(found.status).toBe(200);
    expect(found.body.items!.map((u) => u._id)).toEqual([ids.userId]);
  });

  it('#33 lists and #34 removes a TFA method (200, 204)', async () => {
    const { methodId } = await enableTotp(rt, { id: ids.userId!, password: 'new-password' });
    ids.tfaId = methodId;
    const listed = await send('/admin/users/tfa/list', seed.userId);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ _id: methodId, type: 'totp', status: 'active' }),
    ]);
    expect(listed.text).not.toMatch(/secret/i);
    const removed = await send('/admin/users/tfa/remove', seed.removeTfa);
    expect(removed.status).toBe(204);
    const again = await send('/admin/users/tfa/remove', seed.removeTfa);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('TFA_NOT_FOUND');
    expect((await send('/admin/users/tfa/list', seed.userId)).body.items).toEqual([]);
  });

  it('#39 sets the tags with measurers and verifiers (200)', async () => {
    const res = await send('/admin/organization-profiles/update', seed.updateProfile);
    expect(res.status).toBe(200);
    expect(res.body.participantTags).toEqual([
      {
        tag: 'nat_gas_producer',
        measurers: [
          { identifier: 'mock-server', standardTypes: ['OGCI', 'NGSI'] },
          { identifier: 'project-canary', standardTypes: ['OGCI'] },
        ],
        verifiers: [{ identifier: 'demo_verifier' }, { identifier: 'spirit' }],
      },
      { tag: 'nat_gas_transportation_producer', measurers: [], verifiers: [] },
      { tag: 'nat_gas_buyer', measurers: [], verifiers: [] },
      { tag: 'nat_gas_transportation_buyer', measurers: [], verifiers: [] },
    ]);
    expect(res.body).toMatchObject({ taxId: '800162034', duns: '831003012', participantTypes: ['producer'] });
  });

  it('#40 finds the profile by nat_gas_transportation_producer (200)', async () => {
    const res = await send('/admin/organization-profiles/search', seed.searchProfiles);
    expect(res.status).toBe(200);
    expect(res.body.items!.map((p) => p._id)).toEqual([ids.profileId]);
    expect(res.body.items![0]).toMatchObject({ organizationName: 'Organization Name' });
  });

  it('#36 renames, clears taxId and the address, and archives (200): the member loses access', async () => {
    const { principal: actor } = await signedIn(rt, ids.userId!);
    await expect(
      authorize({ ...contextOf(rt), principal: actor }, 'profiles.read', { profileId: ids.profileId! }),
    ).resolves.toBeDefined();
    const res = await send('/admin/organizations/update', seed.updateOrganization);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      _id: ids.organizationId,
      name: 'Updated Organization Name',
      taxId: '',
      duns: '123456789',
      address: null,
      status: 'archive',
    });
    await expectRefused(
      authorize({ ...contextOf(rt), principal: actor }, 'profiles.read', { profileId: ids.profileId! }),
      'PROFILE_NOT_FOUND',
    );
    const detail = await send('/admin/users/get', seed.userId);
    expect(detail.body.memberships).toEqual([
      { organizationId: ids.organizationId, name: 'Updated Organization Name', status: 'active' },
    ]);
  });

  it('#37 lists organizations with an empty body (200)', async () => {
    const res = await send('/admin/organizations/list', seed.empty);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items).toEqual([
      // the admin's profile (#38) and the one its admin-scoped key made (#38 with client-id)
      expect.objectContaining({ _id: ids.organizationId, status: 'archive', profileCount: 2 }),
    ]);
  });

  it('#42 lists the role catalog and the participant tags with an empty body (200)', async () => {
    const roles = await send('/admin/roles/list', seed.empty);
    expect(roles.status).toBe(200);
    expect(roles.body.items!.map((r) => r.code)).toEqual(
      expect.arrayContaining(['default.organization.admin', 'basic.admin', 'sox.producer.admin']),
    );
    const tags = await send('/admin/participant-tags/list', seed.empty);
    expect(tags.status).toBe(200);
    const producer = tags.body.items!.find((t) => t.tag === 'nat_gas_producer')!;
    expect(producer.measurers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ identifier: 'mock-server', standardTypes: ['OGCI', 'NGSI'] }),
      ]),
    );
    expect((producer.verifiers as Body[]).map((v) => v.identifier)).toEqual(['demo_verifier', 'spirit']);
  });
});
