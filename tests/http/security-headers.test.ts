import { createHash } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@/server/core/config';
import { RADIX_STYLE_ATTRIBUTES, securityHeaders } from '@/server/http/security-headers';
import { startTestServer } from '../helpers/http';
import { testRuntime } from '../helpers/runtime';

let server: Awaited<ReturnType<typeof startTestServer>>;
const rt = testRuntime();
beforeAll(async () => {
  // A stand-in for Next that answers with the policy it was handed to render with.
  server = await startTestServer(rt, {
    next: (req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ csp: req.headers['content-security-policy'] ?? null }));
    },
  });
});
afterAll(async () => {
  await server.close();
});

const get = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, init);

function expectCommonHeaders(headers: Headers) {
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
  // APP_URL is http here.
  expect(headers.get('strict-transport-security')).toBeNull();
}

describe('security headers on every answer', () => {
  it.each([
    ['health', '/api/health', {}],
    ['a REST 404 problem', '/api/v1/no-such-endpoint', {}],
    ['a REST 400 problem', '/api/v1/auth/login', { method: 'POST', body: '{}' }],
    ['a URL Fastify cannot decode', '/api/v1/auth/%E0%A4%A', {}],
    ['a tRPC answer', '/api/trpc/auth.me', {}],
  ] as const)(
    'gives %s the API policy, no framing, nosniff and a strict referrer policy',
    async (_, path, init) => {
      const res = await get(path, {
        ...init,
        headers: { 'content-type': 'application/json' },
      } as RequestInit);
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expectCommonHeaders(res.headers);
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    },
  );

  it('gives every Next answer a fresh nonce, the same in the policy Next renders with and in the answer', async () => {
    const answers = await Promise.all(
      ['/', '/admin', '/_next/static/chunk.js', '/no-such-page'].map(async (path) => {
        // A client cannot choose the nonce by sending a policy of its own.
        const res = await get(path, { headers: { 'content-security-policy': "script-src 'nonce-AAAA'" } });
        const { csp } = (await res.json()) as { csp: string };
        expectCommonHeaders(res.headers);
        expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
        expect(res.headers.get('content-security-policy')).toBe(csp);
        return csp;
      }),
    );
    const nonces = answers.map((csp) => csp.match(/'nonce-([A-Za-z0-9+/=]{24})'/)?.[1]);
    expect(new Set(nonces).size).toBe(4);
    expect(nonces).not.toContain('AAAA');
    for (const csp of answers) {
      for (const directive of [
        "default-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
        // the render form's preview frames a blob: of the PDF; no other origin may be framed
        "frame-src 'self' blob:",
        "img-src 'self' data:",
      ])
        expect(csp).toContain(directive);
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('upgrade-insecure-requests');
    }
  });

  it('lets the API reference alone apply inline styles (Scalar writes its own <style>); its scripts keep the nonce', async () => {
    const policyOf = async (path: string) => ((await (await get(path)).json()) as { csp: string }).csp;
    for (const path of ['/api/docs', '/api/docs/', '/api/docs?x=1#problem-forbidden']) {
      const csp = await policyOf(path);
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic';/);
    }
    for (const path of ['/', '/api/docs-evil', '/admin/api/docs', '/sign-in?next=/api/docs'])
      expect(await policyOf(path)).not.toContain('unsafe-inline');
  });

  it.each(['/reset-password?token=abc', '/accept-invitation?token=abc', '/accept-invitation'])(
    'sends no referrer at all from %s, whose address carries a token',
    async (path) => {
      const res = await get(path);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    },
  );
});

function headersFor(env: Record<string, string>, nextDev = false) {
  const config = loadConfig({ AUTH_SECRET: 'x'.repeat(32), DATA_DIR: rt.config.dataDir, ...env });
  const req = new IncomingMessage(new Socket());
  req.url = '/';
  const res = new ServerResponse(req);
  securityHeaders(config, { nextDev }).page(req, res);
  return res.getHeaders();
}

describe('security headers by deployment', () => {
  it('pins https with HSTS and upgrades insecure requests only when APP_URL is https', () => {
    const secure = headersFor({ APP_URL: 'https://provena.example.com' });
    expect(secure['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    expect(secure['content-security-policy']).toContain('upgrade-insecure-requests');
    const plain = headersFor({ APP_URL: 'http://localhost:3000' });
    expect(plain['strict-transport-security']).toBeUndefined();
    expect(plain['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it("allows eval and inline styles only to Next's dev server", () => {
    const dev = String(headersFor({}, true)['content-security-policy']);
    expect(dev).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic' 'unsafe-eval'/);
    expect(dev).toContain("style-src 'self' 'unsafe-inline'");
    const production = String(headersFor({})['content-security-policy']);
    expect(production).toMatch(/style-src 'self' 'nonce-[^']+'$|style-src 'self' 'nonce-[^']+';/);
  });

  it("allows in production only Radix's own style attributes, by their hashes", () => {
    const production = String(headersFor({})['content-security-policy']);
    const attr = production.split('; ').find((d) => d.startsWith('style-src-attr '));
    const hash = (style: string) => `'sha256-${createHash('sha256').update(style).digest('base64')}'`;
    expect(attr).toBe(`style-src-attr 'unsafe-hashes' ${RADIX_STYLE_ATTRIBUTES.map(hash).join(' ')}`);
    // the hash the browser reports for the roving-focus group's style attribute
    expect(attr).toContain("'sha256-MtxTLcyxVEJFNLEIqbVTaqR4WWr0+lYSZ78AzGmNsuA='");
    expect(attr).not.toContain('unsafe-inline');
    expect(String(headersFor({}, true)['content-security-policy'])).not.toContain('style-src-attr');
  });
});
