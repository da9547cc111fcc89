import { type APIRequestContext, expect, test } from '@playwright/test';
import { shot, signIn } from './helpers';
import { WALK_EMAIL, WALK_PASSWORD } from './settings';

/**
 * Issue 10, feature flags: a platform admin switches GHGP on for a profile on the admin profile
 * page, sees it on (also after a reload), and the API answers it. Its own admin, organization and
 * profile, made through the API, so it shares no state with the other specs (the walk's admin only
 * creates them).
 */

const ORGANIZATION = 'Kestrel Gas';
const PROFILE = 'Kestrel Permian Production';
const FLAGS_ADMIN = { email: 'flags@provena.test', temporary: 'Temporary-Flags-Secret-2024' };
const FLAGS_PASSWORD = 'Juniper-Lattice-Falcon-44';

let profileId = '';
let token = '';

async function api(request: APIRequestContext, route: string, data: unknown, bearer: string, status = 200) {
  const response = await request.post(`/api/v1${route}`, {
    data,
    headers: { authorization: `Bearer ${bearer}` },
  });
  expect(response.status(), `${route}: ${await response.text()}`).toBe(status);
  return response.status() === 204 ? undefined : await response.json();
}

async function login(request: APIRequestContext, email: string, secret: string, status = 200) {
  const response = await request.post('/api/v1/auth/login', { data: { email, secret } });
  expect(response.status()).toBe(status);
  return await response.json();
}

test.beforeAll(async ({ request }) => {
  const { accessToken: staff } = await login(request, WALK_EMAIL, WALK_PASSWORD);
  const organization = await api(
    request,
    '/admin/organizations/create',
    { name: ORGANIZATION, taxId: '123456789', duns: '123456789' },
    staff,
    201,
  );
  const profile = await api(
    request,
    '/admin/organization-profiles/create',
    {
      name: PROFILE,
      organizationId: organization._id,
      participantTypes: ['producer'],
      participantTags: [{ tag: 'nat_gas_producer' }],
    },
    staff,
    201,
  );
  profileId = profile._id;
  await api(
    request,
    '/admin/users/create',
    {
      email: FLAGS_ADMIN.email,
      firstName: 'Flo',
      lastName: 'Flags',
      password: FLAGS_ADMIN.temporary,
      roleLinks: [{ roleCode: 'platform.admin', entityType: 'platform' }],
    },
    staff,
    201,
  );
  // the temporary password must be replaced before anything else
  const first = await login(request, FLAGS_ADMIN.email, FLAGS_ADMIN.temporary, 403);
  await api(
    request,
    '/auth/password',
    { password: FLAGS_PASSWORD, oldPassword: FLAGS_ADMIN.temporary },
    first.restrictedToken,
    204,
  );
  token = (await login(request, FLAGS_ADMIN.email, FLAGS_PASSWORD)).accessToken;
});

test('a platform admin switches GHGP on for a profile and it shows on', async ({ page, request }) => {
  await signIn(page, FLAGS_ADMIN.email, FLAGS_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: /^Hello, / })).toBeVisible();
  await page.goto(`/admin/profiles/${profileId}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Feature flags' })).toBeVisible();
  const ghgp = page.getByRole('switch', { name: /GHG Protocol reporting/ });
  const bookAndClaim = page.getByRole('switch', { name: /Book and claim/ });
  await expect(ghgp).not.toBeChecked();
  await expect(bookAndClaim).not.toBeChecked();

  await ghgp.click();
  await expect(
    page.getByRole('status').filter({ hasText: 'GHG Protocol reporting switched on' }),
  ).toBeVisible();
  await expect(ghgp).toBeChecked();
  await expect(bookAndClaim).not.toBeChecked();
  await shot(page, 'flags-admin-profile');

  // what the server holds, in the page after a reload and in the API
  await page.reload();
  await expect(page.getByRole('switch', { name: /GHG Protocol reporting/ })).toBeChecked();
  expect(await api(request, '/organization-profiles/flags/get', { profileId }, token)).toEqual({
    profileId,
    flags: { GHGP: true },
  });
});
