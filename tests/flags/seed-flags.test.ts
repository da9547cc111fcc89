import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureFlagNames } from '@/server/modules/flags/catalog';
import { issueTestKey, keyHeaders } from '../helpers/api-keys';
import { expectProblem, sendSeed, startTestServer } from '../helpers/http';
import { addMember, createOrganizationRow, createProfileRow } from '../helpers/organizations';
import { createUser, testRuntime } from '../helpers/runtime';

/**
 * The seed's flag examples over REST (shared/seed/platform-api-seed.txt): #15 sent as the seed's
 * own text with only <profileId> replaced, then #42's feature-flags list with its `{}` body.
 */
const seed = {
  setFlags: `{
"profileId": "<profileId>",
"flags": [
{
"flag": "GHGP",
"value": true
},
{
"flag": "BOOK_AND_CLAIM",
"value": null
}
]
}`,
  catalog: '{}',
};

const rt = testRuntime();
let server: Awaited<ReturnType<typeof startTestServer>>;
let ids: { profileId: string };
let adminId: string;
let adminToken: string;
let memberToken: string;
let staffToken: string;

async function login(email: string, password: string) {
  const res = await server.request<{ accessToken: string }>('POST', '/auth/login', {
    body: { email, secret: password },
  });
  expect(res.status).toBe(200);
  return res.body.accessToken;
}

beforeAll(async () => {
  server = await startTestServer(rt);
  const organization = await createOrganizationRow(rt, { name: 'Organization Name' });
  const profile = await createProfileRow(rt, organization.id, { name: 'Organization Profile Name' });
  const admin = await createUser(rt);
  const member = await createUser(rt);
  const staff = await createUser(rt, { platformRoles: ['platform.admin'] });
  await addMember(rt, organization.id, admin.id, ['default.organization.admin']);
  await addMember(rt, organization.id, member.id);
  ids = { profileId: profile.id };
  adminId = admin.id;
  adminToken = await login(admin.email, admin.password);
  memberToken = await login(member.email, member.password);
  staffToken = await login(staff.email, staff.password);
});
afterAll(async () => {
  await server.close();
});

describe('seed: feature flags', () => {
  it('#15 sets GHGP and removes BOOK_AND_CLAIM with the seed body, answering {profileId, flags}', async () => {
    const res = await sendSeed(server, '/organization-profiles/flags', seed.setFlags, ids, {
      token: adminToken,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ profileId: ids.profileId, flags: { GHGP: true } });
    const read = await sendSeed(
      server,
      '/organization-profiles/flags/get',
      '{"profileId": "<profileId>"}',
      ids,
      {
        token: adminToken,
      },
    );
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
  });

  it('#5 GET /auth/me shows the profile with its flags', async () => {
    const res = await server.request<{ profiles: { _id: string; flags: unknown }[] }>('GET', '/auth/me', {
      token: adminToken,
    });
    expect(res.status).toBe(200);
    expect(res.body.profiles).toEqual([
      expect.objectContaining({ _id: ids.profileId, flags: { GHGP: true } }),
    ]);
  });

  it('#15 refuses an unknown flag with a 400 problem naming the entry, and a member with 403', async () => {
    const unknown = seed.setFlags.replace('"BOOK_AND_CLAIM"', '"CARBON_CREDITS"');
    const bad = await sendSeed(server, '/organization-profiles/flags', unknown, ids, { token: adminToken });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.errors).toEqual([{ path: 'flags.1.flag', message: expect.stringContaining('GHGP') }]);
    const forbidden = await sendSeed(server, '/organization-profiles/flags', seed.setFlags, ids, {
      token: memberToken,
    });
    expectProblem(forbidden, 403, 'FORBIDDEN');
  });

  it('#15 is a user route (contract): an API key, even one of the profile, gets 401 and sets nothing', async () => {
    const key = await issueTestKey(rt, adminId, ids.profileId, { scopes: ['flags:read'] });
    const before = await server.request('POST', '/organization-profiles/flags/get', {
      body: ids,
      headers: keyHeaders(key),
    });
    expect(before.status).toBe(200);
    const res = await server.request('POST', '/organization-profiles/flags', {
      body: JSON.parse(seed.setFlags.replace('<profileId>', ids.profileId)),
      headers: keyHeaders(key),
    });
    expectProblem(res, 401, 'UNAUTHENTICATED');
    const after = await server.request('POST', '/organization-profiles/flags/get', {
      body: ids,
      headers: keyHeaders(key),
    });
    expect(after.body).toEqual(before.body);
  });

  it('#15 lets a platform admin set the flags of any profile with the same body', async () => {
    const off = seed.setFlags.replace('"value": true', '"value": false');
    const res = await sendSeed(server, '/organization-profiles/flags', off, ids, { token: staffToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ profileId: ids.profileId, flags: { GHGP: false } });
  });

  it('#42 lists the feature flags with their descriptions for the seed body {}', async () => {
    const res = await sendSeed(server, '/admin/feature-flags/list', seed.catalog, ids, { token: staffToken });
    expect(res.status).toBe(200);
    const items = res.body.items as { flag: string; description: string }[];
    expect(items.map((i) => i.flag)).toEqual(featureFlagNames);
    for (const item of items) expect(item.description.length).toBeGreaterThan(10);
    const refused = await sendSeed(server, '/admin/feature-flags/list', seed.catalog, ids, {
      token: adminToken,
    });
    expectProblem(refused, 403, 'FORBIDDEN');
  });
});
