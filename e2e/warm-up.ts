import { randomBytes } from 'node:crypto';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  E2E_URL,
  SECURITY_EMAIL,
  SECURITY_PASSWORD,
  STAFF_EMAIL,
  STAFF_PASSWORD,
} from './settings';

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
  // Issue 7's browser-security spec visits the rest of the admin console.
  '/admin/users',
  '/admin/users/new',
  '/admin/profiles',
  '/admin/audit',
  '/no-such-page',
];

export default async function warmUp() {
  for (const route of routes) {
    const response = await fetch(`${E2E_URL}${route}`, { redirect: 'manual' });
    if (response.status >= 500) throw new Error(`Warming up ${route} failed with ${response.status}`);
  }
  await createStaffAdmin();
}

async function post(path: string, body: unknown, token?: string) {
  const response = await fetch(`${E2E_URL}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/**
 * Through the API, as staff would: the first admin changes its temporary password, creates a
 * second and a third platform admin (each with a temporary password of its own), then gets
 * ADMIN_PASSWORD back as a temporary password (#29), so the sign-in spec still meets the first
 * sign-in it expects.
 */
async function createStaffAdmin() {
  const first = await post('/auth/login', { email: ADMIN_EMAIL, secret: ADMIN_PASSWORD });
  if (first.status !== 403 || !first.body?.restrictedToken)
    throw new Error(`expected the first admin's forced password change, got ${first.status}`);
  const interim = `Interim-${randomBytes(12).toString('base64url')}`;
  const changed = await post(
    '/auth/password',
    { password: interim, oldPassword: ADMIN_PASSWORD },
    first.body.restrictedToken,
  );
  if (changed.status !== 204) throw new Error(`password change failed with ${changed.status}`);
  const login = await post('/auth/login', { email: ADMIN_EMAIL, secret: interim });
  const { accessToken, user } = login.body as { accessToken: string; user: { _id: string } };
  for (const [email, password, firstName] of [
    [STAFF_EMAIL, STAFF_PASSWORD, 'Sam'],
    [SECURITY_EMAIL, SECURITY_PASSWORD, 'Sasha'],
  ]) {
    const created = await post(
      '/admin/users/create',
      {
        email,
        firstName,
        lastName: 'Staff',
        password,
        roleLinks: [{ roleCode: 'platform.admin', entityType: 'platform' }],
      },
      accessToken,
    );
    if (created.status !== 201) throw new Error(`staff admin creation failed with ${created.status}`);
  }
  const reset = await post(
    '/admin/users/password',
    { userId: user._id, password: ADMIN_PASSWORD },
    accessToken,
  );
  if (reset.status !== 204) throw new Error(`handing back the first admin failed with ${reset.status}`);
}
