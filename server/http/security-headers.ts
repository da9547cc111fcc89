import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '@/server/core/config';

/** Pages whose address carries a secret token: a Referer would hand it to whatever they link to. */
const TOKEN_PAGES = new Set(['/reset-password', '/accept-invitation']);

/**
 * Pages that may apply inline styles without the nonce: the API reference (Scalar, a Vue app,
 * writes its theme and toasts into <style> elements it creates itself). Scripts keep the nonce.
 */
const INLINE_STYLE_PAGES = new Set(['/api/docs']);

/**
 * The style attributes Radix writes into the server's HTML, allowed by their hashes and no other:
 * its roving-focus groups (radio groups, tabs), the hidden native input beside a radio or
 * checkbox and the hidden native select beside a select (kept for form posts), a select's value
 * (pointer-events) and a tab panel mounted open (no animation). globals.css gives the hidden
 * inputs the same rules, should a new Radix version change a text: its hash would then no longer
 * match, and the e2e specs (which fail on any CSP report) would name the page.
 */
export const RADIX_STYLE_ATTRIBUTES = [
  'outline:none',
  'position:absolute;pointer-events:none;opacity:0;margin:0;transform:translateX(-100%)',
  'position:absolute;border:0;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0, 0, 0, 0);white-space:nowrap;word-wrap:normal',
  'pointer-events:none',
  'animation-duration:0s',
];
const styleAttributeHashes = RADIX_STYLE_ATTRIBUTES.map(
  (style) => `'sha256-${createHash('sha256').update(style).digest('base64')}'`,
).join(' ');

/** Fastify answers JSON and problem details, never a document: nothing may load or frame them. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export type SecurityHeaders = {
  /** For Fastify's answers (REST, tRPC, health, their 404s and problems). */
  api: (res: ServerResponse) => void;
  /** For Next's answers: a fresh nonce, in the request for Next to stamp on its scripts and in the answer. */
  page: (req: IncomingMessage, res: ServerResponse) => void;
};

/**
 * Every response's security headers, set by the one http.Server before Fastify or Next writes
 * anything, so no route, asset, 404 or error page escapes them. `nextDev`: Next's dev server,
 * whose React refresh needs eval and whose overlay injects styles.
 */
export function securityHeaders(config: Config, options: { nextDev?: boolean } = {}): SecurityHeaders {
  const https = config.appUrl.startsWith('https://');
  const common: Record<string, string> = {
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    // Only over https: a browser ignores it on http anyway, and pinning http deployments helps no one.
    ...(https ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains' } : {}),
  };
  const setCommon = (res: ServerResponse) => {
    for (const [name, value] of Object.entries(common)) res.setHeader(name, value);
  };
  return {
    api(res) {
      setCommon(res);
      res.setHeader('content-security-policy', API_CSP);
    },
    page(req, res) {
      const csp = pageCsp(randomBytes(16).toString('base64'), {
        dev: !!options.nextDev,
        https,
        inlineStyles: INLINE_STYLE_PAGES.has(pathOf(req.url)),
      });
      // Next takes the nonce from the request's CSP; whatever the client sent there is replaced.
      req.headers['content-security-policy'] = csp;
      delete req.headers['content-security-policy-report-only'];
      setCommon(res);
      res.setHeader('content-security-policy', csp);
      if (carriesToken(req.url)) res.setHeader('referrer-policy', 'no-referrer');
    },
  };
}

function pageCsp(nonce: string, options: { dev: boolean; https: boolean; inlineStyles: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    // A nonce would switch 'unsafe-inline' off: dev's overlay and refresh need inline styles.
    `style-src 'self' ${options.dev || options.inlineStyles ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    ...(options.dev || options.inlineStyles
      ? []
      : [`style-src-attr 'unsafe-hashes' ${styleAttributeHashes}`]),
    // data: for the two-factor setup's QR code.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    // blob: for the admin render form's PDF preview (an iframe of the rendered bytes, never a URL).
    "frame-src 'self' blob:",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

function pathOf(url: string | undefined): string {
  try {
    return new URL(url ?? '/', 'http://provena.invalid').pathname.replace(/(.)\/$/, '$1');
  } catch {
    return '';
  }
}

function carriesToken(url: string | undefined): boolean {
  try {
    const { pathname, searchParams } = new URL(url ?? '/', 'http://provena.invalid');
    return TOKEN_PAGES.has(pathname.replace(/\/$/, '')) || searchParams.has('token');
  } catch {
    return true; // an address we cannot read: the safer policy
  }
}
