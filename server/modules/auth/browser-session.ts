import 'server-only';
import { parse as parseCookies } from 'cookie';
import { decode } from 'next-auth/jwt';
import type { UserPrincipal } from '@/server/core/context';
import type { Runtime } from '@/server/core/runtime';
import { loadSessionPrincipal } from './services/authenticate-session';

/** next-auth names its cookie by whether the site is served over https. */
export const sessionCookieName = (appUrl: string) =>
  appUrl.startsWith('https://') ? '__Secure-next-auth.session-token' : 'next-auth.session-token';

/**
 * The browser's principal from next-auth's session cookie. The cookie holds only the session id;
 * the session row decides, so signing out elsewhere or a revocation ends the browser session too.
 */
export async function principalFromCookieHeader(
  rt: Runtime,
  cookieHeader: string | undefined,
): Promise<UserPrincipal | null> {
  if (!cookieHeader) return null;
  const cookies = parseCookies(cookieHeader);
  const name = sessionCookieName(rt.config.appUrl);
  // next-auth splits large cookies into name.0, name.1, ...
  const chunks = Object.keys(cookies)
    .filter((key) => key.startsWith(`${name}.`))
    .sort((a, b) => Number(a.slice(name.length + 1)) - Number(b.slice(name.length + 1)))
    .map((key) => cookies[key]);
  const token = cookies[name] ?? (chunks.length > 0 ? chunks.join('') : undefined);
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: rt.keys.nextAuth });
    return typeof payload?.sid === 'string' ? await loadSessionPrincipal(rt, payload.sid) : null;
  } catch {
    return null;
  }
}
