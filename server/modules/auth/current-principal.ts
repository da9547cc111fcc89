import 'server-only';
import { redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import type { UserPrincipal } from '@/server/core/context';
import { getRuntime } from '@/server/core/runtime';
import { authOptions } from './next-auth';
import { loadSessionPrincipal } from './services/authenticate-session';

/**
 * The signed-in browser user for a server component, or null. The cookie names a session; the
 * session row decides (revoked, expired or disabled is null). Cached per request, so a layout
 * and its page share one lookup.
 */
export const getCurrentPrincipal = cache(async (): Promise<UserPrincipal | null> => {
  const session = (await getServerSession(authOptions())) as { sid?: unknown } | null;
  if (typeof session?.sid !== 'string') return null;
  return loadSessionPrincipal(getRuntime(), session.sid);
});

/** For pages of signed-in users: no session goes to sign-in, a forced password change goes there first. */
export async function requirePrincipal(): Promise<UserPrincipal> {
  const principal = await getCurrentPrincipal();
  if (!principal) redirect('/sign-in');
  if (principal.session.restricted) redirect('/change-password');
  return principal;
}
