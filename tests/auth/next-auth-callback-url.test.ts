import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'cookie';
import NextAuth from 'next-auth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportNextAuthEnv } from '@/server/core/config';
import { setRuntime } from '@/server/core/runtime';
import { startServer } from '@/server/http/start';
import { authOptions } from '@/server/modules/auth/next-auth';
import { captureLog } from '../helpers/log-capture';
import { createUser, testRuntime } from '../helpers/runtime';

/**
 * Issue 7 items 12 and 13: next-auth behind the real server. Next itself is not started: in its
 * place runs next-auth's own Node handler (the pages-router form of NextAuth, which calls the same
 * AuthHandler as the App Router's), given the request as Next would give it.
 */
async function nextAuthRoute(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let raw = '';
  for await (const chunk of req) raw += chunk;
  const nextReq = Object.assign(req, {
    query: { ...Object.fromEntries(url.searchParams), nextauth: url.pathname.split('/').slice(3) },
    body: raw ? Object.fromEntries(new URLSearchParams(raw)) : undefined,
    cookies: parse(req.headers.cookie ?? ''),
  });
  const nextRes = Object.assign(res, {
    status: (code: number) => {
      res.statusCode = code;
      return nextRes;
    },
    send: (body: unknown) => res.end(typeof body === 'string' ? body : JSON.stringify(body ?? null)),
    json: (body: unknown) => res.setHeader('content-type', 'application/json').end(JSON.stringify(body)),
  });
  await (NextAuth as unknown as (q: unknown, r: unknown, o: unknown) => Promise<void>)(
    nextReq,
    nextRes,
    // Next's cookies() exists only inside Next: the device cookie this sign-in sets is not checked here.
    authOptions(async () => {}),
  );
}

const capture = captureLog();
let server: Awaited<ReturnType<typeof startServer>>;
const env = { ...process.env };
const rt = testRuntime({}, { log: capture.log });
beforeAll(async () => {
  setRuntime(rt);
  exportNextAuthEnv(rt.config, rt.keys.nextAuth);
  server = await startServer(rt, { port: 0, host: '127.0.0.1', next: nextAuthRoute });
});
afterAll(async () => {
  await server.close();
  setRuntime(undefined);
  process.env = env;
});

const hostile = [
  'http://[',
  '%',
  '%zz',
  `/${'a'.repeat(5000)}`,
  '/\n{"level":50,"msg":"forged"}',
  'javascript:alert(1)',
];

async function csrf() {
  const res = await fetch(`${server.url}/api/auth/csrf`);
  const cookie = (res.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
  return { token: ((await res.json()) as { csrfToken: string }).csrfToken, cookie };
}

describe('next-auth callbackUrl', () => {
  it.each(hostile.map((v) => [JSON.stringify(v).slice(0, 40), v]))(
    'never answers 5xx to callbackUrl %s on signin, csrf, session and callback/credentials',
    async (_, value) => {
      const q = `callbackUrl=${encodeURIComponent(value)}`;
      const cookie = `next-auth.callback-url=${encodeURIComponent(value)}`;
      for (const path of ['signin', 'csrf', 'session', 'providers']) {
        for (const headers of [{}, { cookie }] as Record<string, string>[]) {
          const res = await fetch(`${server.url}/api/auth/${path}?${q}`, { headers, redirect: 'manual' });
          expect(res.status, `${path} ${JSON.stringify(headers)}`).toBeLessThan(500);
          const location = res.headers.get('location');
          if (location) expect(decodeURIComponent(location)).not.toContain(value.slice(0, 30));
        }
      }
      const user = await createUser(rt);
      const { token, cookie: csrfCookie } = await csrf();
      const signIn = await fetch(`${server.url}/api/auth/callback/credentials?${q}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${csrfCookie}; ${cookie}` },
        body: new URLSearchParams({
          csrfToken: token,
          email: user.email,
          secret: user.password,
          callbackUrl: value,
        }),
      });
      expect(signIn.status).toBe(302);
      expect(signIn.headers.get('location')).toBe(`${rt.config.appUrl}`);
    },
  );

  it('keeps a same-origin callback (path or URL) and sends any other to the base URL', async () => {
    const user = await createUser(rt);
    const { token, cookie } = await csrf();
    const signIn = async (callbackUrl: string) =>
      fetch(`${server.url}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams({
          csrfToken: token,
          email: user.email,
          secret: user.password,
          callbackUrl,
        }),
      });
    const base = rt.config.appUrl;
    expect((await signIn('/dashboard?x=1')).headers.get('location')).toBe(`${base}/dashboard?x=1`);
    expect((await signIn(`${base}/team`)).headers.get('location')).toBe(`${base}/team`);
    for (const other of ['https://evil.example/x', '//evil.example/x', '/\\evil.example'])
      expect((await signIn(other)).headers.get('location')).toBe(base);
  });
});

describe("next-auth's log", () => {
  it('goes through pino as one JSON line per entry, never the raw callbackUrl, never the console', async () => {
    const consoleSpies = (['log', 'warn', 'error'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(() => {}),
    );
    const forged = 'http://[\n{"level":50,"msg":"forged"}';
    // Past the server's sanitizing (a request reaching Next some other way), next-auth itself refuses it.
    const bare = createServer((req, res) => void nextAuthRoute(req, res));
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const { port } = bare.address() as AddressInfo;
    const refused = await fetch(
      `http://127.0.0.1:${port}/api/auth/session?callbackUrl=${encodeURIComponent(forged)}`,
    );
    expect(refused.status).toBe(500);
    await new Promise((resolve) => bare.close(resolve));
    await fetch(`${server.url}/api/auth/session?callbackUrl=${encodeURIComponent(forged)}`);
    for (const spy of consoleSpies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
    const lines = capture.lines();
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toContainEqual(expect.objectContaining({ nextAuth: 'INVALID_CALLBACK_URL_ERROR' }));
    expect(entries.filter((e) => e.msg === 'forged')).toEqual([]);
    expect(capture.text()).not.toContain('http://[');
  });
});
