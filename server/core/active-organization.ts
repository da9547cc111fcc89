import { parse } from 'cookie';
import { UUID } from '@/server/modules/auth/services/authenticate-session';

/**
 * The browser remembers the organization picked in the switcher in this cookie. It is only a
 * preference: every procedure still authorizes against membership rows, and `me` falls back to
 * the first membership when the cookie names one the user no longer has.
 */
export const ACTIVE_ORGANIZATION_COOKIE = 'provena-org';

export function activeOrganizationFromCookies(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const value = parse(cookieHeader)[ACTIVE_ORGANIZATION_COOKIE];
  return value && UUID.test(value) ? value : undefined;
}
