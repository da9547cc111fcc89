import net from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '@/server/core/input-limits';
import { answerClientError } from '@/server/rest/problem';
import { expectProblem, startTestServer } from '../helpers/http';
import { createOrganizationRow } from '../helpers/organizations';
import { createUser, testRuntime } from '../helpers/runtime';

/** Issue 7 item 12: input that used to reach a recursion or a query and answer 500. */
let server: Awaited<ReturnType<typeof startTestServer>>;
let token: string;
let organizationId: string;
const rt = testRuntime();
beforeAll(async () => {
  server = await startTestServer(rt);
  const admin = await createUser(rt, { platformRoles: ['platform.admin'] });
  organizationId = (await createOrganizationRow(rt)).id;
  const login = await server.request<{ accessToken: string }>('POST', '/auth/login', {
    body: { email: admin.email, secret: admin.password },
  });
  token = login.body.accessToken;
});
afterAll(async () => {
  await server.close();
});

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const json = { 'content-type': 'application/json' };
const cursorOf = (keys: unknown) => Buffer.from(JSON.stringify(keys)).toString('base64url');
const UUID = '01900000-0000-7000-8000-000000000000';

async function trpc(path: string, init: { body?: string; input?: string } = {}) {
  const query = init.input === undefined ? '' : `?input=${encodeURIComponent(init.input)}`;
  const res = await fetch(`${server.url}/api/trpc/${path}${query}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: json,
    body: init.body,
  });
  return { status: res.status, body: (await res.json()) as { error: { data: Record<string, unknown> } } };
}

describe('deeply nested JSON', () => {
  it(`refuses a body nested beyond ${MAX_JSON_DEPTH} levels with 400 on unauthenticated /auth/login`, async () => {
    for (const depth of [MAX_JSON_DEPTH + 1, 100_000]) {
      const res = await server.request('POST', '/auth/login', {
        raw: `{"email":${nested(depth)}}`,
        headers: json,
      });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.detail).toMatch(/nests deeper than 32 levels/);
    }
  });

  it(`lets ${MAX_JSON_DEPTH} levels through to the schema (brackets inside strings do not count)`, async () => {
    const res = await server.request('POST', '/auth/login', {
      raw: `{"email":"${'['.repeat(100)}","secret":${nested(MAX_JSON_DEPTH - 1)}}`,
      headers: json,
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.detail).not.toMatch(/nests deeper/);
  });

  it('refuses it with 400 on /api/trpc/auth.login and in a GET input', async () => {
    const post = await trpc('auth.login', { body: `{"email":${nested(100_000)}}` });
    expect(post.status).toBe(400);
    expect(post.body.error.data.code).toBe('VALIDATION_FAILED');
    const get = await trpc('members.invitations.preview', { input: `{"token":${nested(1000)}}` });
    expect(get.status).toBe(400);
    expect(get.body.error.data.code).toBe('VALIDATION_FAILED');
  });
});

describe('cursors', () => {
  it.each([
    ['a NUL in a text key', '/admin/users/search', { email: 'x' }, ['a\u0000b', UUID]],
    ['an impossible timestamp', '/admin/audit-events/list', {}, ['0000-13-45T25:61:61.000000Z', UUID]],
    ['February 30th', '/admin/audit-events/list', {}, ['2026-02-30T00:00:00.000000Z', UUID]],
    ['a number for a key', '/admin/users/search', { email: 'x' }, [42, UUID]],
    ['a nested array', '/admin/users/search', { email: 'x' }, [['a'], UUID]],
  ])('answers 400 naming cursor for %s', async (_, path, body, keys) => {
    const res = await server.request('POST', path, { token, body: { ...body, cursor: cursorOf(keys) } });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual([{ path: 'cursor', message: 'is not a cursor this API returned' }]);
  });

  it('answers 400 for a NUL in a member list cursor', async () => {
    const res = await server.request('POST', '/organization-users/list', {
      token,
      body: { organizationId, cursor: cursorOf(['x\u0000', UUID]) },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });
});

describe('audit from/to', () => {
  it.each([
    ['year 0000', '0000-01-01T00:00:00Z'],
    ['offset +23:59', '2026-01-01T00:00:00+23:59'],
    ['offset -15:00', '2026-01-01T00:00:00-15:00'],
    ['year 1969', '1969-12-31T23:59:59Z'],
    ['February 30th', '2026-02-30T00:00:00Z'],
  ])('refuses %s with 400 naming the field', async (_, value) => {
    for (const field of ['from', 'to']) {
      const organizationLog = await server.request('POST', '/audit-events/list', {
        token,
        body: { organizationId, [field]: value },
      });
      expectProblem(organizationLog, 400, 'VALIDATION_FAILED');
      expect(organizationLog.body.errors).toEqual([expect.objectContaining({ path: field })]);
      const adminLog = await server.request('POST', '/admin/audit-events/list', {
        token,
        body: { [field]: value },
      });
      expectProblem(adminLog, 400, 'VALIDATION_FAILED');
    }
  });

  it('accepts the edges of the range', async () => {
    const res = await server.request('POST', '/admin/audit-events/list', {
      token,
      body: { from: '1970-01-01T00:00:00+14:00', to: '9999-12-31T23:59:59.999-14:00' },
    });
    expect(res.status).toBe(200);
  });
});

/** Sends raw bytes and reads the answer until the server closes (for what fetch cannot send). */
function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const socket = net.connect(server.port, '127.0.0.1', () => socket.end(text));
    socket.on('data', (chunk) => {
      out += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(out));
  });
}

function parseRaw(text: string) {
  const [head, body] = text.split('\r\n\r\n') as [string, string];
  const status = Number(head.split(' ')[1]);
  const headers = new Headers(
    head
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(/:\s*/, 2) as [string, string]),
  );
  return { status, headers, body: JSON.parse(body) as Record<string, unknown> };
}

describe("Fastify's own refusals are problem details", () => {
  it.each([['/api/v1/%zz'], ['/api/v1/auth/%E0%A4%A'], ['/api/trpc/%zz']])(
    'answers 400 VALIDATION_FAILED for the bad percent-encoding %s',
    async (path) => {
      const res = await fetch(`${server.url}${path}`);
      const body = (await res.json()) as Record<string, unknown>;
      expectProblem({ status: res.status, headers: res.headers, body }, 400, 'VALIDATION_FAILED');
      expect(body.detail).toBe('The path is not valid percent-encoding.');
    },
  );

  it('answers 431 HEADERS_TOO_LARGE for a path over the header limit', async () => {
    const res = parseRaw(
      await rawRequest(`GET /api/v1/auth/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`),
    );
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE', type: expect.any(String) });
  });

  it('answers 408 REQUEST_TIMEOUT when a request never finishes arriving', () => {
    let written = '';
    const stream = new PassThrough().on('error', () => {}); // destroyed with the error, as Node's would be
    const socket = Object.assign(stream, {
      write: (text: string) => {
        written += text;
        return true;
      },
    });
    answerClientError(
      Object.assign(new Error('timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }),
      socket as never,
    );
    expect(written).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(JSON.parse(written.split('\r\n\r\n')[1]!)).toMatchObject({ status: 408, code: 'REQUEST_TIMEOUT' });
  });

  it.each([
    ['a body shorter than its Content-Length', 'Content-Length: 100', '{"a":1}'],
    ['a body longer than its Content-Length', 'Content-Length: 3', '{"a":1}'],
    ['a Content-Length that is not a number', 'Content-Length: abc', '{"a":1}'],
    ['a request line that is not HTTP', '', ''],
  ])('answers 400 VALIDATION_FAILED for %s', async (_, length, body) => {
    const request = length
      ? `POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${length}\r\n\r\n${body}`
      : 'GARBAGE\r\n\r\n';
    const res = parseRaw(await rawRequest(request));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', title: expect.any(String) });
  });

  it('answers invalid JSON, a too large body and another media type on /api/trpc as problems', async () => {
    const send = (body: string, type: string) =>
      fetch(`${server.url}/api/trpc/auth.login`, { method: 'POST', headers: { 'content-type': type }, body });
    const tooLarge = await send(JSON.stringify({ email: 'x'.repeat(1024 * 1024 + 10) }), 'application/json');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const form = await send('email=a', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
    expect(form.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const invalid = await server.request('POST', '/auth/login', { raw: '{"email":', headers: json });
    expectProblem(invalid, 400, 'VALIDATION_FAILED');
    expect(invalid.body.detail).toBe('The body is not valid JSON.');
  });
});
