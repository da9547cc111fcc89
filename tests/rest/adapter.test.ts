import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startTestServer } from '../helpers/http';
import { restRoutes } from '../helpers/rest-routes';
import { createUser, testRuntime } from '../helpers/runtime';

let server: Awaited<ReturnType<typeof startTestServer>>;
let token: string;
const rt = testRuntime();
beforeAll(async () => {
  server = await startTestServer(rt);
  const user = await createUser(rt);
  const login = await server.request<{ accessToken: string }>('POST', '/auth/login', {
    body: { email: user.email, secret: user.password },
  });
  token = login.body.accessToken;
});
afterAll(async () => {
  await server.close();
});

describe('REST adapter: bad input is a 4xx problem, never a 500', () => {
  it.each([
    ['a missing field', { email: 'a@example.com' }, 'secret'],
    ['a wrong type', { email: 'a@example.com', secret: 42 }, 'secret'],
    ['an unknown field', { email: 'a@example.com', secret: 'x', admin: true }, 'admin'],
    ['a malformed email', { email: 'not-an-email', secret: 'x' }, 'email'],
  ])('fails with 400 VALIDATION_FAILED naming the field for %s', async (_, body, path) => {
    const res = await server.request('POST', '/auth/login', { body });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });

  it('fails with 400 for a body that is not JSON, or JSON that is not an object', async () => {
    expectProblem(
      await server.request('POST', '/auth/login', {
        raw: '{"email":',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await server.request('POST', '/auth/login', { body: ['a'] }), 400, 'VALIDATION_FAILED');
    expectProblem(await server.request('POST', '/auth/login', { body: null }), 400, 'VALIDATION_FAILED');
  });

  it('reads a POST without a body as {} (with or without a JSON content type)', async () => {
    const bare = await server.request('POST', '/auth/logout', { token });
    const typed = await server.request('POST', '/auth/login', {
      raw: '',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(typed, 400, 'VALIDATION_FAILED');
    expect(typed.body.errors).toEqual(expect.arrayContaining([{ path: 'email', message: 'is required' }]));
    expect(bare.status).toBe(204);
    const user = await createUser(rt);
    const login = await server.request<{ accessToken: string }>('POST', '/auth/login', {
      body: { email: user.email, secret: user.password },
    });
    token = login.body.accessToken;
  });

  it('refuses a body that is not JSON with 415 and an oversized body with 413', async () => {
    expectProblem(
      await server.request('POST', '/auth/login', {
        raw: 'email=a',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectProblem(
      await server.request('POST', '/auth/login', { raw: '{}', headers: { 'content-type': 'text/plain' } }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    const big = JSON.stringify({ email: 'a@example.com', secret: 'x'.repeat(1024 * 1024 + 10) });
    expectProblem(
      await server.request('POST', '/auth/login', {
        raw: big,
        headers: { 'content-type': 'application/json' },
      }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('answers 401 for a missing, malformed, forged or expired bearer token', async () => {
    expectProblem(await server.request('GET', '/auth/me'), 401, 'UNAUTHENTICATED');
    expectProblem(
      await server.request('GET', '/auth/me', { headers: { authorization: 'Basic abc' } }),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(await server.request('GET', '/auth/me', { token: 'not.a.jwt' }), 401, 'INVALID_TOKEN');
    const [header, payload] = token.split('.');
    expectProblem(
      await server.request('GET', '/auth/me', { token: `${header}.${payload}.forged` }),
      401,
      'INVALID_TOKEN',
    );
    rt.clock.advance(16 * 60_000);
    expectProblem(await server.request('GET', '/auth/me', { token }), 401, 'INVALID_TOKEN');
  });

  it('answers 404 for an unknown path and 405 with Allow for a known path with another method', async () => {
    expectProblem(await server.request('GET', '/nope'), 404, 'ROUTE_NOT_FOUND');
    const wrong = await server.request('GET', '/auth/login');
    expectProblem(wrong, 405, 'METHOD_NOT_ALLOWED');
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('echoes a valid x-request-id and makes one otherwise', async () => {
    const given = await server.request('GET', '/auth/me', { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await server.request('GET', '/auth/me', {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends Retry-After with 429 RATE_LIMITED', async () => {
    const user = await createUser(rt);
    for (let i = 0; i < 10; i++) {
      await server.request('POST', '/auth/login', {
        body: { email: user.email, secret: 'a wrong password' },
      });
    }
    const res = await server.request('POST', '/auth/login', {
      body: { email: user.email, secret: user.password },
    });
    expectProblem(res, 429, 'RATE_LIMITED');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('OpenAPI', () => {
  it('documents every route of the table with its request schema', async () => {
    const res = await server.request<{
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    }>('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const route of restRoutes) {
      expect(res.body.paths[`/api/v1${route.path}`]?.[route.method.toLowerCase()]).toBeDefined();
    }
    const login = res.body.paths['/api/v1/auth/login']!.post as {
      requestBody: { content: Record<string, { schema: { required: string[] } }> };
    };
    expect(login.requestBody.content['application/json']!.schema.required).toEqual(['email', 'secret']);
    expect(Object.keys((login as unknown as { responses: object }).responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '429']),
    );
  });
});
