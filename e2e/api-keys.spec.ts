import { expect, test } from '@playwright/test';
import { shot, signIn } from './helpers';
import { E2E_URL, KEYS_EMAIL, KEYS_PASSWORD } from './settings';

/**
 * Issue 10's API keys: an organization administrator creates a key on the profile's API keys
 * page, reads the secret the page reveals once, a partner system (this test, with fetch) calls a
 * REST route with the client-id and client-key headers, the administrator revokes the key in the
 * page, and the same call is then 401.
 */

const ORGANIZATION = 'Juniper Basin Gas';
const PROFILE = 'Juniper Basin Production';
const OWNER = { email: 'ines.moreau@juniper.test', firstName: 'Ines', lastName: 'Moreau' };
const OWNER_TEMPORARY = 'Temporary-Owner-Secret-2024';
const OWNER_PASSWORD = 'Saddle-Meadow-Lantern-35';

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${E2E_URL}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Staff, through the API: the organization, its profile and its administrator (a real password). */
async function setUpTenant() {
  const login = await post('/auth/login', { email: KEYS_EMAIL, secret: KEYS_PASSWORD });
  expect(login.status).toBe(200);
  const staff = { authorization: `Bearer ${login.body.accessToken}` };
  const organization = await post(
    '/admin/organizations/create',
    { name: ORGANIZATION, taxId: '123456789', duns: '123456789' },
    staff,
  );
  expect(organization.status).toBe(201);
  const profile = await post(
    '/admin/organization-profiles/create',
    {
      name: PROFILE,
      organizationId: organization.body._id,
      taxId: '800162034',
      duns: '831003012',
      participantTypes: ['producer'],
      participantTags: [{ tag: 'nat_gas_producer' }],
    },
    staff,
  );
  expect(profile.status).toBe(201);
  const user = await post(
    '/admin/users/create',
    { ...OWNER, password: OWNER_TEMPORARY, roleLinks: [] },
    staff,
  );
  expect(user.status).toBe(201);
  const roles = await post(
    '/admin/users/role-links/add',
    {
      userId: user.body._id,
      roleLinks: [
        {
          roleCode: 'default.organization.admin',
          entityType: 'organization',
          entityId: organization.body._id,
        },
      ],
    },
    staff,
  );
  expect(roles.status).toBe(200);
  const first = await post('/auth/login', { email: OWNER.email, secret: OWNER_TEMPORARY });
  const changed = await post(
    '/auth/password',
    { password: OWNER_PASSWORD, oldPassword: OWNER_TEMPORARY },
    { authorization: `Bearer ${first.body.restrictedToken}` },
  );
  expect(changed.status).toBe(204);
  return { profileId: profile.body._id as string };
}

test('create an API key in the page, use it with fetch, revoke it, and the same call is 401', async ({
  page,
}) => {
  const { profileId } = await setUpTenant();
  await signIn(page, OWNER.email, OWNER_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${OWNER.firstName}` })).toBeVisible();

  await page.goto(`/profiles/${profileId}`);
  await page.getByRole('link', { name: 'API keys' }).click();
  await expect(page).toHaveURL(new RegExp(`/profiles/${profileId}/api-keys$`));
  await expect(page.getByText('No API keys yet')).toBeVisible();
  await shot(page, 'api-keys-empty');

  await page.getByRole('button', { name: 'Create key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create an API key' });
  await dialog.getByLabel('Name').fill('ERP integration');
  // only what the partner needs: reading the profile
  for (const scope of ['locations:read', 'locations:write', 'profiles:write', 'flags:read', 'reports:read'])
    await dialog.getByRole('checkbox', { name: new RegExp(`^${scope}`) }).uncheck();
  await expect(dialog.getByRole('checkbox', { name: /^profiles:read/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /^admin/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Create key' }).click();

  const reveal = page.getByRole('dialog', { name: 'Key "ERP integration" created' });
  await expect(reveal.getByText('The client key is shown only once')).toBeVisible();
  const clientId = (await reveal.getByRole('status', { name: 'Client id' }).textContent())!.trim();
  const clientKey = (await reveal.getByRole('status', { name: 'Client key' }).textContent())!.trim();
  expect(clientId).toMatch(/^pvk_/);
  expect(clientKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await shot(page, 'api-keys-reveal');
  await reveal.getByRole('button', { name: 'Done' }).click();

  const asPartner = () =>
    post('/organization-profiles/get', { profileId }, { 'client-id': clientId, 'client-key': clientKey });
  const answered = await asPartner();
  expect(answered.status).toBe(200);
  expect(answered.body).toMatchObject({ _id: profileId, name: PROFILE });

  const table = page.getByRole('table', { name: 'API keys' });
  const row = table.getByRole('row').filter({ hasText: 'ERP integration' });
  await expect(row).toContainText(clientId);
  await expect(row).toContainText('Active');
  await expect(page.getByRole('main')).not.toContainText(clientKey);
  await shot(page, 'api-keys-list');

  await row.getByRole('button', { name: /actions/i }).click();
  await page.getByRole('menuitem', { name: 'Revoke' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Revoke the key "ERP integration"?' });
  await confirm.getByRole('button', { name: 'Revoke' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row).toContainText('Revoked');

  const refused = await asPartner();
  expect(refused.status).toBe(401);
  expect(refused.body.code).toBe('INVALID_CLIENT_CREDENTIALS');
});
