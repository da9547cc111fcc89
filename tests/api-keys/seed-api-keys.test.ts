import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, seedHeaders, sendSeed, startTestServer } from '../helpers/http';
import { addMember, createOrganizationRow, createProfileRow } from '../helpers/organizations';
import { createUser, testRuntime } from '../helpers/runtime';

/**
 * The seed's API-key examples (#13, #14; shared/seed/platform-api-seed.txt) sent as the seed's own
 * text with only the <placeholders> replaced, then the key used with the seed's client-id and
 * client-key header lines, revoked and rotated over REST.
 */
const seed = {
  create: `{
"profileId": "<profileId>"
}`,
  list: `{
"profileId": "<profileId>"
}`,
  clientHeaders: `client-id: <clientId>
client-key: <clientKey>`,
};

const rt = testRuntime();
let server: Awaited<ReturnType<typeof startTestServer>>;
const ids: Record<string, string> = {};
let token: string;
const admin = { email: 'keys.admin@example.com', password: 'organization admin passphrase' };

const post = (path: string, text: string, headers: Record<string, string> = {}) =>
  sendSeed(server, path, text, ids, { token, headers });
const readProfile = (clientKey = ids.clientKey!) =>
  server.request('POST', '/organization-profiles/get', {
    body: { profileId: ids.profileId },
    headers: seedHeaders(seed.clientHeaders, { ...ids, clientKey }),
  });

beforeAll(async () => {
  server = await startTestServer(rt);
  const organization = await createOrganizationRow(rt, { name: 'Organization Name' });
  const profile = await createProfileRow(rt, organization.id, { name: 'Organization Profile Name' });
  const user = await createUser(rt, admin);
  await addMember(rt, organization.id, user.id, ['default.organization.admin']);
  ids.profileId = profile.id;
  const login = await server.request<{ accessToken: string }>('POST', '/auth/login', {
    body: { email: admin.email, secret: admin.password },
  });
  token = login.body.accessToken;
});
afterAll(async () => {
  await server.close();
});

describe('seed: API keys', () => {
  it("#13 creates a key of the profile (201) with the creator's scopes and its client key, once", async () => {
    const res = await post('/api-keys/create', seed.create, { 'idempotency-key': 'seed-13' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ profileId: ids.profileId, name: 'API key', expiresAt: null });
    expect(res.body.scopes).toEqual(expect.arrayContaining(['profiles:read', 'locations:write']));
    expect(res.body.scopes).not.toContain('admin');
    ids.clientId = res.body.clientId as string;
    ids.clientKey = res.body.clientKey as string;
    ids.keyId = res.body._id as string;
    // an answer with a secret is never stored for Idempotency-Key: a repeat makes another key
    const again = await post('/api-keys/create', seed.create, { 'idempotency-key': 'seed-13' });
    expect(again.status).toBe(201);
    expect(again.body.clientKey).not.toBe(ids.clientKey);
    await post('/api-keys/revoke', `{"profileId": "<profileId>", "_id": "${again.body._id}"}`);
  });

  it("the key reads its profile with the seed's client-id and client-key headers", async () => {
    const res = await readProfile();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ _id: ids.profileId, name: 'Organization Profile Name' });
  });

  it('#14 lists the keys (200) without secrets, with lastUsedAt', async () => {
    const res = await post('/api-keys/list', seed.list);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(ids.clientKey);
    expect(res.text).not.toContain('keyHash');
    const mine = res.body.items!.find((k) => k._id === ids.keyId)!;
    expect(mine).toMatchObject({
      clientId: ids.clientId,
      lastUsedAt: rt.clock.now().toISOString(),
      revokedAt: null,
      createdBy: expect.objectContaining({ email: admin.email }),
    });
  });

  it('#14 rotate (200): a new client key, the old one 401 at once', async () => {
    const res = await post('/api-keys/rotate', `{"profileId": "<profileId>", "_id": "<keyId>"}`);
    expect(res.status).toBe(200);
    const old = ids.clientKey!;
    ids.clientKey = res.body.clientKey as string;
    expect(ids.clientKey).not.toBe(old);
    expectProblem(await readProfile(old), 401, 'INVALID_CLIENT_CREDENTIALS');
    expect((await readProfile()).status).toBe(200);
  });

  it('#14 revoke (200): the key is refused from its next request', async () => {
    const res = await post('/api-keys/revoke', `{"profileId": "<profileId>", "_id": "<keyId>"}`);
    expect(res.status).toBe(200);
    expect(res.body.revokedAt).toBe(rt.clock.now().toISOString());
    expectProblem(await readProfile(), 401, 'INVALID_CLIENT_CREDENTIALS');
  });

  it('an unknown key id of the profile is 404 API_KEY_NOT_FOUND', async () => {
    const res = await post(
      '/api-keys/revoke',
      `{"profileId": "<profileId>", "_id": "0190a4f2-0000-7000-8000-0000000000bb"}`,
    );
    expectProblem(res, 404, 'API_KEY_NOT_FOUND');
  });
});
