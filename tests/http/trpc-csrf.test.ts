import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '@/db/schema';
import { sessionCookieName } from '@/server/modules/auth/browser-session';
import { startSession } from '@/server/modules/auth/services/start-session';
import { expectProblem, startTestServer } from '../helpers/http';
import { contextOf, createUser, testMeta, testRuntime } from '../helpers/runtime';

let server: Awaited<ReturnType<typeof startTestServer>>;
const rt = testRuntime();
beforeAll(async () => {
  server = await startTestServer(rt);
});
afterAll(async () => {
  await server.close();
});

/** A signed-in browser: its next-auth cookie, and whether its session still stands. */
async function browserSession() {
  const user = await createUser(rt);
  const session = await startSession(rt.db, contextOf(rt, testMeta()), {
    userId: user.id,
    restricted: false,
    channel: 'browser',
  });
  const token = await encode({ token: { sid: session.id }, secret: rt.keys.nextAuth });
  return {
    cookie: `${sessionCookieName(rt.config.appUrl)}=${token}`,
    alive: async () => {
      const [row] = await rt.db.select().from(sessions).where(eq(sessions.id, session.id));
      return row!.revokedAt === null;
    },
  };
}

/** tRPC's logout: a mutation that ends the cookie's session when it gets through. */
async function logout(headers: Record<string, string>, body: BodyInit = '{}') {
  const res = await fetch(`${server.url}/api/trpc/auth.logout`, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as Record<string, unknown> };
}

const multipart = () => {
  const form = new FormData();
  form.append('input', '{}');
  return form;
};

/** What a page on another site can send without a preflight, and what else tRPC's adapter would read. */
const nonJsonBodies: [string, () => BodyInit, Record<string, string>][] = [
  ['multipart/form-data', multipart, {}],
  ['text/plain', () => '{}', { 'content-type': 'text/plain' }],
  ['form-urlencoded', () => 'a=1', { 'content-type': 'application/x-www-form-urlencoded' }],
  ['octet-stream', () => '{}', { 'content-type': 'application/octet-stream' }],
  ['no content type', () => new Blob(['{}']), {}],
];

describe('/api/trpc takes only JSON bodies', () => {
  it.each(nonJsonBodies)(
    'refuses a %s body with 415 before tRPC sees it, and nothing changes',
    async (_, body, headers) => {
      const browser = await browserSession();
      const res = await logout({ cookie: browser.cookie, ...headers }, body());
      expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(await browser.alive()).toBe(true);
    },
  );
});

describe('/api/trpc refuses mutations sent from another site', () => {
  it.each([
    ['an Origin of another site', { origin: 'https://evil.example' }],
    ['a null Origin', { origin: 'null' }],
    ['an Origin on the same host but another port', { origin: 'http://localhost:4000' }],
    ['Sec-Fetch-Site cross-site without Origin', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site same-site without Origin', { 'sec-fetch-site': 'same-site' }],
  ])('refuses a cookie-authenticated mutation with %s with 403, and the session stands', async (_, sent) => {
    const browser = await browserSession();
    const res = await logout({ cookie: browser.cookie, 'content-type': 'application/json', ...sent });
    expectProblem(res, 403, 'FORBIDDEN');
    expect(await browser.alive()).toBe(true);
  });

  it.each([
    ["the app's own Origin", { origin: 'http://localhost:3999', 'sec-fetch-site': 'same-origin' }],
    ['Sec-Fetch-Site same-origin without Origin', { 'sec-fetch-site': 'same-origin' }],
    ['neither Origin nor Sec-Fetch-Site (a non-browser client)', {}],
  ])('accepts the same mutation with %s', async (_, sent) => {
    const browser = await browserSession();
    const res = await logout({ cookie: browser.cookie, 'content-type': 'application/json', ...sent });
    expect(res.status).toBe(200);
    expect(await browser.alive()).toBe(false);
  });

  it('answers a query whatever its Origin: reading changes nothing, and without a CORS grant the other site cannot read it', async () => {
    const browser = await browserSession();
    const res = await fetch(`${server.url}/api/trpc/auth.me`, {
      headers: { cookie: browser.cookie, origin: 'https://evil.example' },
    });
    expect(res.status).toBe(200);
    // No CORS grant: the browser keeps the answer from the other site's script.
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('REST rests on bearer tokens only', () => {
  it('ignores the next-auth cookie: a REST call carrying only the cookie is 401', async () => {
    const browser = await browserSession();
    const res = await server.request('GET', '/auth/me', { headers: { cookie: browser.cookie } });
    expectProblem(res, 401, 'UNAUTHENTICATED');
  });
});
