import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSeed, startTestServer } from '../helpers/http';
import { createUser, STRONG_PASSWORD, testRuntime } from '../helpers/runtime';
import { seed } from './seed-admin-bodies';

/** The seed's #43 body, sent as the seed's own text: 200 in preproduction, 403 anywhere else. */
describe.each([
  { env: 'preproduction', status: 200 },
  { env: 'test', status: 403 },
] as const)('seed #43 in $env', ({ env, status }) => {
  const rt = testRuntime({ APP_ENV: env });
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let token: string;
  let other: Awaited<ReturnType<typeof createUser>>;
  beforeAll(async () => {
    server = await startTestServer(rt);
    const admin = await createUser(rt, { platformRoles: ['platform.admin'] });
    other = await createUser(rt);
    const login = await server.request<{ accessToken: string }>('POST', '/auth/login', {
      body: { email: admin.email, secret: STRONG_PASSWORD },
    });
    token = login.body.accessToken;
  });
  afterAll(async () => {
    await server.close();
  });

  it(`answers ${status} to a platform admin signed in just now`, async () => {
    const res = await sendSeed(server, '/admin/preproduction/reset', seed.preproductionReset, {}, { token });
    expect(res.status).toBe(status);
    if (status === 200) {
      expect(res.body).toMatchObject({ users: 2, emailsRewritten: 1, mailDelivery: 'outbox' });
      const login = await server.request('POST', '/auth/login', {
        body: { email: `user-${other.id}@preproduction.invalid`, secret: 'temporary-password' },
      });
      expect(login.status).toBe(403);
      expect(login.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
      // the caller's session goes on
      const me = await server.request('GET', '/auth/me', { token });
      expect(me.status).toBe(200);
    } else {
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'NOT_PREPRODUCTION', status: 403 });
    }
  });
});
