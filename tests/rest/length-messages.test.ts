import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameSchema } from '@/server/modules/organizations/schemas';
import { startTestServer } from '../helpers/http';
import { createUser, STRONG_PASSWORD, testRuntime } from '../helpers/runtime';

/** Issue 9, defects: a too-long field says its limit, not "must be text" (REST, and the shared schema the forms use). */
let server: Awaited<ReturnType<typeof startTestServer>>;
let adminToken: string;
const rt = testRuntime();
beforeAll(async () => {
  server = await startTestServer(rt);
  const admin = await createUser(rt, { platformRoles: ['platform.admin'] });
  const login = await server.request<{ accessToken: string }>('POST', '/auth/login', {
    body: { email: admin.email, secret: STRONG_PASSWORD },
  });
  adminToken = login.body.accessToken;
});
afterAll(async () => {
  await server.close();
});

type Refusal = { status: number; code: string; errors: { path: string; message: string }[] };

describe('length errors state the limit', () => {
  it('answers a 300-character first name on admin user create with 400 and the limit', async () => {
    const res = await server.request<Refusal>('POST', '/admin/users/create', {
      token: adminToken,
      body: {
        email: `long-${Date.now()}@example.com`,
        firstName: 'x'.repeat(300),
        password: STRONG_PASSWORD,
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'firstName', message: 'must be at most 100 characters' }]);
  });

  it('answers a 400-character organization name with 400 and the limit', async () => {
    const res = await server.request<Refusal>('POST', '/admin/organizations/create', {
      token: adminToken,
      body: { name: 'x'.repeat(400) },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'name', message: 'must be at most 200 characters' }]);
  });

  it('keeps "must be text" for a value that is not text, and "is required" for a missing one', async () => {
    const res = await server.request<Refusal>('POST', '/admin/organizations/create', {
      token: adminToken,
      body: { name: 42 },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'name', message: 'must be text' }]);
    const missing = await server.request<Refusal>('POST', '/admin/organizations/create', {
      token: adminToken,
      body: {},
    });
    expect(missing.body.errors).toEqual([{ path: 'name', message: 'is required' }]);
  });

  it('says the limit in the schema the forms use, without the server', () => {
    const result = nameSchema.safeParse('x'.repeat(400));
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['must be at most 200 characters']);
  });
});
