import 'server-only';
import { parse as parseCookies } from 'cookie';
import { eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { sessions } from '@/db/schema';
import { asAppError } from '@/server/core/errors';
import { CLIENT_IP_HEADER } from '@/server/core/request-headers';
import { getRuntime } from '@/server/core/runtime';
import { recordAuditEvent } from '@/server/modules/audit/services/record-audit-event';
import { principalFromCookieHeader, sessionCookieName } from './browser-session';
import { redirectCallback } from './callback-url';
import { DEVICE_COOKIE, DEVICE_TOKEN_TTL_MS } from './device-token';
import { nextAuthLogger } from './next-auth-logger';
import { loginInput } from './schemas';
import { login } from './services/login';
import { revokeSessions } from './services/revoke-sessions';

/**
 * next-auth over our session rows: Credentials calls the same login service as the API, and the
 * JWT cookie holds only the session id. Errors reach the sign-in form as their stable codes
 * (RATE_LIMITED carries the seconds to wait: "RATE_LIMITED:30"). Each sign-in sets the device
 * cookie, whose token lifts the per-email delay for this browser's later sign-ins to that account.
 * `setCookie` is Next's request cookies unless a test passes its own.
 */
export function authOptions(setCookie: SetCookie = setRequestCookie): NextAuthOptions {
  const rt = getRuntime();
  const secure = rt.config.appUrl.startsWith('https://');
  return {
    secret: rt.keys.nextAuth,
    session: { strategy: 'jwt', maxAge: 30 * 24 * 3600 },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    cookies: {
      sessionToken: {
        name: sessionCookieName(rt.config.appUrl),
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
      },
    },
    providers: [
      CredentialsProvider({
        name: 'Provena',
        credentials: { email: {}, secret: {}, tfaCode: {} },
        async authorize(credentials, req) {
          const parsed = loginInput.safeParse({
            email: credentials?.email,
            secret: credentials?.secret,
            ...(credentials?.tfaCode ? { tfaCode: credentials.tfaCode } : {}),
          });
          if (!parsed.success) throw new Error('INVALID_CREDENTIALS');
          const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
          const meta = {
            ip: headers[CLIENT_IP_HEADER] ?? 'unknown',
            userAgent: headers['user-agent'],
            requestId: headers['x-request-id'] ?? 'browser',
          };
          try {
            const deviceToken = parseCookies(headers.cookie ?? '')[DEVICE_COOKIE];
            const result = await login(
              { rt, db: rt.db, meta, principal: null },
              { ...parsed.data, deviceToken },
              'browser',
            );
            if (result.kind === 'ok')
              await setCookie(DEVICE_COOKIE, result.deviceToken, {
                httpOnly: true,
                sameSite: 'lax',
                path: '/',
                secure,
                maxAge: DEVICE_TOKEN_TTL_MS / 1000,
              });
            // Signing in over another signed-in session (an invitation accepted in a browser where
            // someone else is signed in) replaces the cookie: end that session's row too.
            const previous = await principalFromCookieHeader(rt, headers.cookie);
            if (previous && previous.session.id !== result.sessionId)
              await endBrowserSession(previous.session.id);
            return { id: result.sessionId };
          } catch (error) {
            const app = asAppError(error);
            if (!app) throw error;
            const retry = app.extra?.retryAfterSeconds;
            throw new Error(retry ? `${app.code}:${retry}` : app.code);
          }
        },
      }),
    ],
    // Its own logger writes to the console verbatim (a callbackUrl's newlines forge log lines).
    logger: nextAuthLogger(rt.log),
    callbacks: {
      redirect: redirectCallback,
      jwt: ({ token, user }) => (user ? { sid: user.id } : token),
      session: ({ session, token }) => ({ ...session, sid: token.sid as string, user: undefined }),
    },
    events: {
      async signOut({ token }) {
        const sid = token?.sid;
        if (typeof sid === 'string') await endBrowserSession(sid);
      },
    },
  };
}

type CookieOptions = { httpOnly: boolean; sameSite: 'lax'; path: string; secure: boolean; maxAge: number };
export type SetCookie = (name: string, value: string, options: CookieOptions) => Promise<void>;

async function setRequestCookie(name: string, value: string, options: CookieOptions) {
  // Next adds cookies set during a route handler to its response (next-auth's included).
  (await cookies()).set(name, value, options);
}

/** Revokes a browser session's row and records the sign-out. */
async function endBrowserSession(sid: string) {
  const rt = getRuntime();
  await rt.db.transaction(async (tx) => {
    const [session] = await tx.select({ userId: sessions.userId }).from(sessions).where(eq(sessions.id, sid));
    if (!session) return;
    await revokeSessions(tx, { sessionIds: [sid], reason: 'signed-out', now: rt.clock.now() });
    await recordAuditEvent(tx, undefined, {
      action: 'auth.logout',
      actorUserId: session.userId,
      subjectUserId: session.userId,
      targetType: 'session',
      targetId: sid,
      data: { channel: 'browser' },
    });
  });
}
