import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { shot, sidebar, signIn } from './helpers';
import { E2E_URL, STAFF_EMAIL, STAFF_PASSWORD } from './settings';

/**
 * Issue 3's journey: platform staff set up a customer (organization, profile, its first
 * administrator) from /admin, and the invited person gets from the email to a dashboard that shows
 * that organization and nothing else, without any other help. Invited later into a second
 * organization, the person (now with an account) accepts it from the dashboard.
 */

const STAFF_NEW_PASSWORD = 'Granite-Orchard-Beacon-58';
const INVITEE_PASSWORD = 'Willow-Signal-Pebble-63';
// Every run starts from an empty database (e2e/serve.ts), so fixed names cannot collide.
const ORGANIZATION = 'Bluestem Gas';
const PROFILE = 'Bluestem Permian Production';
const OTHER_ORGANIZATION = 'Cedar Midstream';
const OTHER_PROFILE = 'Cedar Gathering';
const INVITEE = { email: 'dana.okafor@bluestem.test', firstName: 'Dana', lastName: 'Okafor' };

function collectErrors(page: Page, errors: string[]) {
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(`${page.url()}: ${message.text()}`);
  });
}

async function createOrganization(page: Page, name: string) {
  await page.goto('/admin/organizations/new');
  const form = page.getByRole('form', { name: 'New organization' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Tax id').fill('123456789');
  await form.getByLabel('DUNS number').fill('123456789');
  // issue 9, defects: a create form says nothing of clearing; the country is a searchable select
  // by name, and a US address takes its state from a select
  await expect(form).not.toContainText('Leave empty');
  await form.getByRole('combobox', { name: 'Country' }).click();
  await page.getByPlaceholder('Search countries').fill('united st');
  await page.getByRole('option', { name: 'United States', exact: true }).click();
  await expect(form.getByRole('combobox', { name: 'Country' })).toHaveText('United States');
  await form.getByRole('combobox', { name: /^State/ }).click();
  await page.getByRole('option', { name: 'Texas' }).click();
  await form.getByRole('button', { name: 'Create organization' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Texas');
}

/** Adds a nat_gas_producer profile on the open organization page and returns its id. */
async function createProfile(page: Page, organization: string, name: string) {
  await page.getByRole('tab', { name: 'Profiles' }).click();
  await page.getByRole('button', { name: 'New profile' }).click();
  const form = page.getByRole('form', { name: 'New profile' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('checkbox', { name: 'Natural gas producer', exact: true }).check();
  await form.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Profile ${name} created.` })).toBeVisible();
  const link = page.getByRole('table', { name: `Profiles of ${organization}` }).getByRole('link', { name });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/admin\/profiles\/[0-9a-f-]{36}$/);
  return href!.split('/').pop()!;
}

/** The invitee opens their mail (the dev mailbox) and follows the invitation link, waiting for the outbox. */
async function followInvitation(context: BrowserContext) {
  const page = await context.newPage();
  const message = page
    .getByRole('article', { name: `Sam Staff invited you to ${ORGANIZATION} on Provena` })
    .filter({ hasText: `To ${INVITEE.email}` });
  await expect
    .poll(async () => {
      await page.goto('/dev/mailbox');
      return message.count();
    })
    .toBe(1);
  await message.getByRole('link', { name: /\/accept-invitation\?token=/ }).click();
  // The page keeps the token in memory and takes it out of the address bar (issue 7).
  await expect(page).toHaveURL(/\/accept-invitation$/);
  return page;
}

test('an admin sets up an organization and invites its administrator, who joins from the email and sees only that organization', async ({
  page,
  browser,
}) => {
  const errors: string[] = [];
  collectErrors(page, errors);
  let otherProfileId = '';

  await test.step('a platform admin signs in and replaces the temporary password', async () => {
    await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
    await expect(page).toHaveURL(/\/change-password$/);
    await page.getByLabel('Current password').fill(STAFF_PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill(STAFF_NEW_PASSWORD);
    await page.getByLabel('Confirm new password').fill(STAFF_NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByRole('heading', { name: /^Hello, / })).toBeVisible();
  });

  await test.step('an unrelated organization with its own profile exists beside it', async () => {
    await createOrganization(page, OTHER_ORGANIZATION);
    otherProfileId = await createProfile(page, OTHER_ORGANIZATION, OTHER_PROFILE);
  });

  await test.step('the admin creates the organization and its nat_gas_producer profile', async () => {
    await createOrganization(page, ORGANIZATION);
    await createProfile(page, ORGANIZATION, PROFILE);
  });

  await test.step('the admin invites its first person as organization administrator', async () => {
    await page.getByRole('tab', { name: 'Members' }).click();
    await expect(page.getByText('No members yet')).toBeVisible();
    const form = page.getByRole('form', { name: 'Invite a person' });
    await form.getByLabel('Email').fill(INVITEE.email);
    await form.getByLabel('First name').fill(INVITEE.firstName);
    await form.getByLabel('Last name').fill(INVITEE.lastName);
    await form.getByRole('radio', { name: /^Administrator of the organization/ }).check();
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await expect(
      page.getByText(`Emailed to ${INVITEE.email}. The link works for 7 days.`, { exact: true }),
    ).toBeVisible();
    const row = page
      .getByRole('table', { name: `Members of ${ORGANIZATION}` })
      .getByRole('row')
      .filter({ hasText: INVITEE.email });
    await expect(row).toContainText('Invited');
    // one organization role per person (issue 9): administrator, not administrator and member
    await expect(row.getByRole('cell').last()).toHaveText('Organization administrator');
    await shot(page, 'invite-flow-01-admin-organization');
  });

  const invitee = await browser.newContext();
  const inviteePage = await followInvitation(invitee);
  collectErrors(inviteePage, errors);

  await test.step('the invitee sets a password on the accept page and lands signed in', async () => {
    await expect(inviteePage.getByText(`${INVITEE.firstName}, you are invited to join`)).toContainText(
      ORGANIZATION,
    );
    await inviteePage.getByLabel('Password', { exact: true }).fill(INVITEE_PASSWORD);
    await inviteePage.getByLabel('Confirm password').fill(INVITEE_PASSWORD);
    await shot(inviteePage, 'invite-flow-02-accept-invitation');
    await inviteePage.getByRole('button', { name: `Join ${ORGANIZATION}` }).click();
    await expect(inviteePage.getByRole('heading', { name: `Hello, ${INVITEE.firstName}` })).toBeVisible();
    await expect(inviteePage).toHaveURL(`${E2E_URL}/`);
  });

  await test.step('the dashboard shows that organization, its profile, and nothing of the other', async () => {
    const shell = sidebar(inviteePage);
    await expect(shell).toContainText(INVITEE.email);
    // One membership: the switcher shows that organization.
    await expect(shell.getByRole('button', { name: `Organization ${ORGANIZATION}` })).toBeVisible();
    await expect(inviteePage.getByRole('link', { name: PROFILE })).toBeVisible();
    await expect(
      inviteePage.getByText('Your roles in this organization: Organization administrator'),
    ).toBeVisible();
    // Not staff: no area of the admin console in the sidebar, and /admin is a branded 404 in the shell.
    const nav = inviteePage.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Members' })).toBeVisible();
    await expect(nav.locator('a[href^="/admin"]')).toHaveCount(0);
    await expect(inviteePage.locator('body')).not.toContainText(OTHER_ORGANIZATION);
    await shot(inviteePage, 'invite-flow-03-invitee-dashboard');
    const refused = await inviteePage.goto('/admin');
    expect(refused?.status()).toBe(404);
    await expect(inviteePage.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(shell.getByRole('button', { name: `Organization ${ORGANIZATION}` })).toBeVisible();
    await expect(inviteePage.getByRole('link', { name: 'Go home' })).toHaveAttribute('href', '/');
    await shot(inviteePage, 'invite-flow-03b-admin-refused');
  });

  await test.step('the profiles page lists the profile; the other organization’s profile is not found', async () => {
    await inviteePage.goto('/profiles');
    await expect(inviteePage.getByRole('heading', { name: `Profiles of ${ORGANIZATION}` })).toBeVisible();
    await expect(inviteePage.getByRole('link', { name: PROFILE })).toBeVisible();
    await expect(inviteePage.getByText('Natural gas producer')).toBeVisible();
    await expect(inviteePage.locator('body')).not.toContainText(OTHER_PROFILE);
    await inviteePage.goto(`/profiles/${otherProfileId}`);
    await expect(inviteePage.getByRole('heading', { name: 'Profile not found' })).toBeVisible();
    await expect(inviteePage.locator('body')).not.toContainText(OTHER_PROFILE);
  });

  await test.step('the team page lists the invitee as organization administrator and not the platform admin', async () => {
    await inviteePage.goto('/members');
    const members = inviteePage.getByRole('table', { name: `Members of ${ORGANIZATION}` });
    const self = members.getByRole('row').filter({ hasText: INVITEE.email });
    await expect(self).toContainText('Active');
    await expect(self).toContainText('Organization administrator');
    await expect(self).not.toContainText('Organization member');
    await expect(members.getByRole('row').filter({ hasText: STAFF_EMAIL })).toHaveCount(0);
    await expect(members).not.toContainText(STAFF_EMAIL);
    await shot(inviteePage, 'invite-flow-04-invitee-team');
  });

  await test.step('the admin console shows the invitee as an active member', async () => {
    await page.reload();
    const row = page
      .getByRole('table', { name: `Members of ${ORGANIZATION}` })
      .getByRole('row')
      .filter({ hasText: INVITEE.email });
    await expect(row).toContainText('Active');
  });

  await test.step('invited into a second organization, the member sees it pending and accepts it from the dashboard', async () => {
    await page.goto('/admin/organizations');
    await page.getByRole('link', { name: OTHER_ORGANIZATION }).click();
    await expect(page.getByRole('heading', { level: 1, name: OTHER_ORGANIZATION })).toBeVisible();
    await page.getByRole('tab', { name: 'Members' }).click();
    const form = page.getByRole('form', { name: 'Invite a person' });
    await form.getByLabel('Email').fill(INVITEE.email);
    await form.getByLabel('First name').fill(INVITEE.firstName);
    await form.getByLabel('Last name').fill(INVITEE.lastName);
    await form.getByRole('button', { name: 'Send invitation' }).click();
    // An existing account is invited like anyone else: pending, nothing revealed about it.
    await expect(
      page.getByText(`Emailed to ${INVITEE.email}. The link works for 7 days.`, { exact: true }),
    ).toBeVisible();
    const row = page
      .getByRole('table', { name: `Members of ${OTHER_ORGANIZATION}` })
      .getByRole('row')
      .filter({ hasText: INVITEE.email });
    await expect(row).toContainText('Invited');

    await inviteePage.goto('/');
    const pending = inviteePage.getByRole('list', { name: 'Pending invitations' });
    await expect(pending).toContainText(OTHER_ORGANIZATION);
    await expect(pending).toContainText('Invited by Sam Staff');
    await shot(inviteePage, 'invite-flow-05-pending-invitation');
    await inviteePage.getByRole('button', { name: `Accept the invitation to ${OTHER_ORGANIZATION}` }).click();
    await expect(pending).toHaveCount(0);
    // Two memberships now: the switcher shows the one just joined and offers both.
    const switcher = sidebar(inviteePage).getByRole('button', { name: `Organization ${OTHER_ORGANIZATION}` });
    await expect(switcher).toBeVisible();
    await switcher.click();
    await expect(inviteePage.getByRole('option')).toHaveCount(2);
    await expect(inviteePage.getByRole('option', { name: ORGANIZATION })).toBeVisible();
    await inviteePage.keyboard.press('Escape');
    await expect(inviteePage.getByRole('heading', { name: OTHER_ORGANIZATION })).toBeVisible();
    await page.reload();
    await expect(row).toContainText('Active');
  });

  await invitee.close();

  await test.step('no page logged an error', async () => {
    expect(errors).toEqual([]);
  });
});
