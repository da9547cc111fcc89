import { randomBytes } from 'node:crypto';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  E2E_URL,
  KEYBOARD_EMAIL,
  KEYBOARD_PASSWORD,
  KEYS_EMAIL,
  KEYS_PASSWORD,
  SECURITY_EMAIL,
  SECURITY_PASSWORD,
  STAFF_EMAIL,
  STAFF_PASSWORD,
  WALK_EMAIL,
  WALK_PASSWORD,
} from './settings';

/**
 * Before the specs: the accounts they sign in with. The server runs the production build, so there
 * is nothing to compile on a first visit and no route list to warm up.
 */
export default async function globalSetup() {
  await createStaffAdmin();
}

const WALK_TEMPORARY_PASSWORD = 'Temporary-Walk-Secret-2024';
const KEYS_TEMPORARY_PASSWORD = 'Temporary-Keys-Secret-2024';

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
 * The walk's admin replaces its temporary password through the API, so the walk signs in with
 * WALK_PASSWORD straight to the console.
 */
async function replaceTemporaryPassword(email: string, temporary: string, password: string) {
  const first = await post('/auth/login', { email, secret: temporary });
  if (first.status !== 403 || !first.body?.restrictedToken)
    throw new Error(`expected ${email}'s forced password change, got ${first.status}`);
  const changed = await post(
    '/auth/password',
    { password, oldPassword: temporary },
    first.body.restrictedToken,
  );
  if (changed.status !== 204) throw new Error(`${email}'s password change failed with ${changed.status}`);
}

/**
 * Through the API, as staff would: the first admin changes its temporary password, creates the
 * other platform admins the specs sign in as (each with a temporary password of its own), then gets
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
  for (const [email, password, firstName, lastName = 'Staff'] of [
    [STAFF_EMAIL, STAFF_PASSWORD, 'Sam'],
    [SECURITY_EMAIL, SECURITY_PASSWORD, 'Sasha'],
    [KEYBOARD_EMAIL, KEYBOARD_PASSWORD, 'Kim', 'Keys'],
    [WALK_EMAIL, WALK_TEMPORARY_PASSWORD, 'Wren'],
    [KEYS_EMAIL, KEYS_TEMPORARY_PASSWORD, 'Kai'],
  ]) {
    const created = await post(
      '/admin/users/create',
      {
        email,
        firstName,
        lastName,
        password,
        roleLinks: email === KEYBOARD_EMAIL ? [] : [{ roleCode: 'platform.admin', entityType: 'platform' }],
      },
      accessToken,
    );
    if (created.status !== 201) throw new Error(`staff admin creation failed with ${created.status}`);
  }
  await replaceTemporaryPassword(WALK_EMAIL, WALK_TEMPORARY_PASSWORD, WALK_PASSWORD);
  await replaceTemporaryPassword(KEYS_EMAIL, KEYS_TEMPORARY_PASSWORD, KEYS_PASSWORD);
  const reset = await post(
    '/admin/users/password',
    { userId: user._id, password: ADMIN_PASSWORD },
    accessToken,
  );
  if (reset.status !== 204) throw new Error(`handing back the first admin failed with ${reset.status}`);
}
