import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSeed, startTestServer } from '../helpers/http';
import { createUser, STRONG_PASSWORD, testRuntime } from '../helpers/runtime';
import { seed } from './seed-admin-bodies';

/** The seed's admin bodies sent by someone who is not platform staff, or by nobody. */
let server: Awaited<ReturnType<typeof startTestServer>>;
let plainToken: string;
const rt = testRuntime();
beforeAll(async () => {
  server = await startTestServer(rt);
  const plain = await createUser(rt);
  const login = await server.request<{ accessToken: string }>('POST', '/auth/login', {
    body: { email: plain.email, secret: STRONG_PASSWORD },
  });
  plainToken = login.body.accessToken;
});
afterAll(async () => {
  await server.close();
});

describe('admin routes refuse everyone but platform staff', () => {
  const adminPaths = [
    ['/admin/users/create', seed.createUser],
    ['/admin/users/search', seed.searchUsers],
    ['/admin/organizations/create', seed.createOrganization],
    ['/admin/organizations/list', seed.empty],
    ['/admin/organization-profiles/search', seed.searchProfiles],
    ['/admin/roles/list', seed.empty],
    ['/admin/participant-tags/list', seed.empty],
  ] as const;

  it.each(adminPaths)('answers %s with a non-admin token with 403 problem details', async (path, body) => {
    const res = await sendSeed(server, path, body, {}, { token: plainToken });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(res.body.requestId).toBeTruthy();
  });

  it('answers an admin route without credentials with 401', async () => {
    const res = await server.request('POST', '/admin/organizations/list', { body: {} });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });
});
