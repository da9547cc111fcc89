import { E2E_URL } from './settings';

const NO_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The dev server compiles each route on its first request, and a compile while a page is open
 * can make Fast Refresh reload it mid-test. Compiling every route before the browser starts
 * keeps the run deterministic.
 */
const routes = [
  '/sign-in',
  '/change-password',
  '/',
  '/account',
  '/forgot-password',
  '/reset-password?token=warm-up',
  '/dev/mailbox',
  '/api/docs',
  '/api/auth/providers',
  '/api/auth/csrf',
  '/api/auth/session',
  // Issue 3: the admin console, the invitation page and the organization's dashboard pages; an id
  // that matches nothing still compiles its page.
  '/admin',
  '/admin/organizations',
  '/admin/organizations/new',
  `/admin/organizations/${NO_ID}`,
  `/admin/profiles/${NO_ID}`,
  '/accept-invitation?token=warm-up',
  '/team',
  '/profiles',
  `/profiles/${NO_ID}`,
  '/activity',
];

export default async function warmUp() {
  for (const route of routes) {
    const response = await fetch(`${E2E_URL}${route}`, { redirect: 'manual' });
    if (response.status >= 500) throw new Error(`Warming up ${route} failed with ${response.status}`);
  }
}
