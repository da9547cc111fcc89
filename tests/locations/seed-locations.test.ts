import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiKeyPrincipal } from '@/server/core/context';
import { scopePermissions } from '@/server/modules/api-keys/catalog';
import { expectProblem, sendSeed, startTestServer } from '../helpers/http';
import { addMember, createOrganizationRow, createProfileRow } from '../helpers/organizations';
import { createUser, STRONG_PASSWORD, testRuntime } from '../helpers/runtime';

/**
 * The seed's location examples (#21-#24 and #41; shared/seed/platform-api-seed.txt), each body
 * and header sent as the seed's own text with only its <placeholders> replaced. #21-#24 go with a
 * user's token and with a key of the profile; #41 with a platform admin's token and with the
 * seed's client-id/client-key headers of an admin-scoped key.
 *
 * The keys: client authentication is stood in for here (real keys are h-keys' part of issue 10),
 * so these prove the routes accept client headers and act as the key's principal.
 */
const keys = vi.hoisted(() => new Map<string, { key: string; principal: ApiKeyPrincipal }>());
vi.mock('@/server/modules/auth/services/authenticate-client', () => ({
  authenticateClient: async (_rt: unknown, clientId: string, clientKey: string | undefined) => {
    const found = keys.get(clientId);
    if (!found || found.key !== clientKey) {
      const { AppError } = await import('@/server/core/errors');
      throw new AppError('INVALID_CLIENT_CREDENTIALS');
    }
    return found.principal;
  },
}));

const seed = {
  create: `{
"profileId": "<profileId>",
"name": "Location Name",
"type": "buying",
"basin": "Permian",
"isDirectConnection": false,
"preferredSuppliers": ["Antero"],
"coordinates": {
"latitude": 31.972096,
"longitude": -83.760640
},
"address": {
"country": "US"
}
}`,
  update: `{
"_id": "<businessLocationId>",
"basin": "Permian",
"isDirectConnection": true,
"preferredSuppliers": ["QB"],
"name": "Updated Location",
"address": {
"country": "US",
"state": "NY"
},
"status": "active"
}`,
  get: `{
"_id": "<businessLocationId>"
}`,
  list: `{
"profileId": "<profileId>"
}`,
  adminCreate: `{
"profileId": "<profileId>",
"name": "Location Name",
"coordinates": {
"latitude": 31.972096,
"longitude": -83.760640
},
"address": {
"country": "US"
}
}`,
  adminUpdate: `{
"_id": "<businessLocationId>",
"name": "Updated Name",
"address": {
"country": "US",
"state": "NY"
},
"status": "active"
}`,
};

/** The seed's header lines, their <placeholders> filled like the body's. */
const seedHeaders = `client-id: <clientId>
client-key: <clientKey>`;
const clientHeadersOf = (values: Record<string, string>) =>
  Object.fromEntries(
    seedHeaders.split('\n').map((line) => {
      const [name, value] = line.split(': ') as [string, string];
      return [name, value.replace(/<(\w+)>/g, (_, key: string) => values[key]!)];
    }),
  );

let server: Awaited<ReturnType<typeof startTestServer>>;
let userToken: string;
let adminToken: string;
const ids: Record<string, string> = {};
const rt = testRuntime();

function addKey(clientId: string, principal: Omit<ApiKeyPrincipal, 'kind' | 'clientId'>) {
  keys.set(clientId, { key: `secret-of-${clientId}`, principal: { kind: 'apiKey', clientId, ...principal } });
  return { clientId, clientKey: `secret-of-${clientId}` };
}

beforeAll(async () => {
  server = await startTestServer(rt);
  const organization = await createOrganizationRow(rt, { name: 'Organization Name' });
  const profile = await createProfileRow(rt, organization.id, { name: 'Organization Profile Name' });
  const other = await createProfileRow(rt, organization.id, { name: 'Admin Profile' });
  const user = await createUser(rt, { email: 'locations.admin@example.com' });
  await addMember(rt, organization.id, user.id, ['default.organization.admin']);
  const staff = await createUser(rt, {
    email: 'locations.staff@example.com',
    platformRoles: ['platform.admin'],
  });
  const login = async (email: string) =>
    (
      await server.request<{ accessToken: string }>('POST', '/auth/login', {
        body: { email, secret: STRONG_PASSWORD },
      })
    ).body.accessToken;
  userToken = await login(user.email);
  adminToken = await login(staff.email);
  const tenantKey = addKey('pvk_tenant', {
    keyId: '0197a1b2-0000-7000-8000-0000000000a1',
    organizationId: organization.id,
    profileId: profile.id,
    scopes: [...scopePermissions(['locations:write'])],
    createdBy: user.id,
  });
  const adminKey = addKey('pvk_admin', {
    keyId: '0197a1b2-0000-7000-8000-0000000000a2',
    organizationId: organization.id,
    profileId: profile.id,
    scopes: [...scopePermissions(['admin'])],
    createdBy: staff.id,
  });
  Object.assign(ids, { profileId: profile.id, otherProfileId: other.id });
  Object.assign(ids, { tenantClientId: tenantKey.clientId, tenantClientKey: tenantKey.clientKey });
  Object.assign(ids, { adminClientId: adminKey.clientId, adminClientKey: adminKey.clientKey });
});
afterAll(async () => {
  await server.close();
});

const asTenantKey = () => ({ ...ids, clientId: ids.tenantClientId!, clientKey: ids.tenantClientKey! });
const asAdminKey = (profileId = ids.profileId!) => ({
  ...ids,
  profileId,
  clientId: ids.adminClientId!,
  clientKey: ids.adminClientKey!,
});

describe('seed: business locations (#21-#24), as a user', () => {
  it('#21 creates the location (201, active)', async () => {
    const res = await sendSeed(server, '/business-locations/create', seed.create, ids, { token: userToken });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      profileId: ids.profileId,
      name: 'Location Name',
      type: 'buying',
      basin: 'Permian',
      isDirectConnection: false,
      preferredSuppliers: ['Antero'],
      coordinates: { latitude: 31.972096, longitude: -83.76064 },
      address: { country: 'US' },
      status: 'active',
    });
    ids.businessLocationId = res.body._id as string;
  });

  it('#21 again is 409 LOCATION_NAME_TAKEN', async () => {
    const res = await sendSeed(server, '/business-locations/create', seed.create, ids, { token: userToken });
    expectProblem(res, 409, 'LOCATION_NAME_TAKEN');
  });

  it('#22 updates it (200)', async () => {
    const res = await sendSeed(server, '/business-locations/update', seed.update, ids, { token: userToken });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      _id: ids.businessLocationId,
      name: 'Updated Location',
      isDirectConnection: true,
      preferredSuppliers: ['QB'],
      address: { country: 'US', state: 'NY' },
      status: 'active',
    });
  });

  it('#23 returns it (200)', async () => {
    const res = await sendSeed(server, '/business-locations/get', seed.get, ids, { token: userToken });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ _id: ids.businessLocationId, name: 'Updated Location' });
  });

  it('#24 lists the profile (200, {items, nextCursor})', async () => {
    const res = await sendSeed(server, '/business-locations/list', seed.list, ids, { token: userToken });
    expect(res.status).toBe(200);
    expect(res.body.items!.map((i) => i._id)).toEqual([ids.businessLocationId]);
    expect(res.body.nextCursor).toBeNull();
  });
});

describe('seed: business locations (#21-#24), as a key of the profile', () => {
  it('#21-#24 with client-id/client-key', async () => {
    await sendSeed(
      server,
      '/business-locations/update',
      '{"_id": "<businessLocationId>", "name": "Renamed"}',
      ids,
      {
        token: userToken,
      },
    );
    const headers = clientHeadersOf(asTenantKey());
    const created = await sendSeed(server, '/business-locations/create', seed.create, asTenantKey(), {
      headers,
    });
    expect(created.status).toBe(201);
    const keyIds = { ...asTenantKey(), businessLocationId: created.body._id as string };
    const updated = await sendSeed(server, '/business-locations/update', seed.update, keyIds, { headers });
    // the user's location was renamed "Renamed", so "Updated Location" is free again
    expect(updated.status).toBe(200);
    const got = await sendSeed(server, '/business-locations/get', seed.get, keyIds, { headers });
    expect(got.body).toMatchObject({ name: 'Updated Location', preferredSuppliers: ['QB'] });
    const list = await sendSeed(server, '/business-locations/list', seed.list, keyIds, { headers });
    expect(list.body.items).toHaveLength(2);
  });

  it('refuses a wrong client-key with 401', async () => {
    const res = await sendSeed(
      server,
      '/business-locations/list',
      seed.list,
      { ...asTenantKey(), clientKey: 'wrong' },
      {
        headers: clientHeadersOf({ ...asTenantKey(), clientKey: 'wrong' }),
      },
    );
    expectProblem(res, 401, 'INVALID_CLIENT_CREDENTIALS');
  });

  it('refuses a key without the admin scope on #41 (403)', async () => {
    const res = await sendSeed(server, '/admin/business-locations/list', seed.list, asTenantKey(), {
      headers: clientHeadersOf(asTenantKey()),
    });
    expectProblem(res, 403, 'FORBIDDEN');
  });
});

describe('seed: admin business locations (#41)', () => {
  it('create, update, get, list with the seed client-id/client-key of an admin key', async () => {
    const key = asAdminKey(ids.otherProfileId);
    const headers = clientHeadersOf(key);
    const created = await sendSeed(server, '/admin/business-locations/create', seed.adminCreate, key, {
      headers,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      profileId: ids.otherProfileId,
      name: 'Location Name',
      type: null,
      basin: null,
      status: 'active',
      organizationName: 'Organization Name',
      profileName: 'Admin Profile',
    });
    const withId = { ...key, businessLocationId: created.body._id as string };
    const updated = await sendSeed(server, '/admin/business-locations/update', seed.adminUpdate, withId, {
      headers,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Updated Name', address: { country: 'US', state: 'NY' } });
    const got = await sendSeed(server, '/admin/business-locations/get', seed.get, withId, { headers });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ _id: withId.businessLocationId, name: 'Updated Name' });
    const list = await sendSeed(server, '/admin/business-locations/list', seed.list, withId, { headers });
    expect(list.status).toBe(200);
    expect(list.body.items!.map((i) => i.name)).toEqual(['Updated Name']);
  });

  it('create, update, get, list with a platform admin token, across organizations', async () => {
    const created = await sendSeed(server, '/admin/business-locations/create', seed.adminCreate, ids, {
      token: adminToken,
    });
    // the user's location in this profile was renamed: "Location Name" is free here
    expect(created.status).toBe(201);
    const withId = { ...ids, businessLocationId: created.body._id as string };
    const updated = await sendSeed(server, '/admin/business-locations/update', seed.adminUpdate, withId, {
      token: adminToken,
    });
    expect(updated.status).toBe(200);
    const got = await sendSeed(server, '/admin/business-locations/get', seed.get, withId, {
      token: adminToken,
    });
    expect(got.body).toMatchObject({ profileName: 'Organization Profile Name', name: 'Updated Name' });
    const list = await sendSeed(server, '/admin/business-locations/list', seed.list, withId, {
      token: adminToken,
    });
    expect(list.body.items!.map((i) => i.name)).toEqual(['Renamed', 'Updated Location', 'Updated Name']);
    expect(list.body.items!.every((i) => i.organizationName === 'Organization Name')).toBe(true);
    const all = await server.request<{ items: { name: string }[] }>(
      'POST',
      '/admin/business-locations/list',
      {
        token: adminToken,
        body: { q: 'updated' },
      },
    );
    expect(all.body.items.map((i) => i.name).sort()).toEqual([
      'Updated Location',
      'Updated Name',
      'Updated Name',
    ]);
  });

  it('refuses #41 to an organization admin (403)', async () => {
    const res = await sendSeed(server, '/admin/business-locations/list', seed.list, ids, {
      token: userToken,
    });
    expectProblem(res, 403, 'FORBIDDEN');
  });
});
