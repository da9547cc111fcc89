import 'server-only';
import type { IncomingMessage } from 'node:http';

const MAX_CALLBACK_URL = 2048;
const CALLBACK_COOKIE = /^(?:__Secure-)?next-auth\.callback-url$/;

/**
 * Where next-auth may send the browser after signing in: a path on this site (given as a path or
 * as a URL of this origin), or nothing. Anything else (another origin, `//evil`, text that does
 * not parse such as `http://[` or `%`, control characters, a very long value) is not a callback.
 */
function safeCallbackUrl(value: unknown, baseUrl: string): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_CALLBACK_URL) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(value)) return undefined;
  let base: URL;
  let url: URL;
  try {
    base = new URL(baseUrl);
    // as next-auth reads it: a path is relative to the site, anything else must be a whole URL
    url = value.startsWith('/') ? new URL(value, base) : new URL(value);
  } catch {
    return undefined;
  }
  if (url.origin !== base.origin) return undefined;
  return `${base.origin}${url.pathname}${url.search}${url.hash}`;
}

/** next-auth's redirect callback: a safe callback, or the site's root. */
export const redirectCallback = ({ url, baseUrl }: { url: string; baseUrl: string }) =>
  safeCallbackUrl(url, baseUrl) ?? baseUrl;

/**
 * next-auth checks the raw `callbackUrl` query parameter and callback-url cookie before any
 * callback runs, and answers an unparsable one with a 500 (logging it verbatim). On the way to
 * Next, /api/auth/* requests lose a callbackUrl parameter or cookie that is not a safe callback.
 */
export function sanitizeNextAuthRequest(req: IncomingMessage, appUrl: string): void {
  const url = req.url ?? '';
  if (!url.startsWith('/api/auth/')) return;
  const queryAt = url.indexOf('?');
  if (queryAt >= 0) {
    const params = new URLSearchParams(url.slice(queryAt + 1));
    if (params.has('callbackUrl') && !params.getAll('callbackUrl').every((v) => safeCallbackUrl(v, appUrl))) {
      params.delete('callbackUrl');
      const query = params.toString();
      req.url = url.slice(0, queryAt) + (query ? `?${query}` : '');
    }
  }
  const cookie = req.headers.cookie;
  if (cookie) {
    const kept = cookie.split(';').filter((pair) => {
      const at = pair.indexOf('=');
      const name = pair.slice(0, at < 0 ? undefined : at).trim();
      return !CALLBACK_COOKIE.test(name) || safeCallbackUrl(decoded(pair.slice(at + 1).trim()), appUrl);
    });
    req.headers.cookie = kept.join(';');
  }
}

function decoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
