import { expect, test } from '@playwright/test';
import {
  fromAccountMenu,
  readMailbox,
  shot,
  sidebar,
  signIn,
  signOutFromMenu,
  totpCode,
  totpCodeAfter,
  totpStep,
  wrongTotpCode,
} from './helpers';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './settings';

const NEW_PASSWORD = 'Mossy-Harbor-Lantern-42';
const RESET_PASSWORD = 'Quiet-Copper-Meadow-77';

test('the first admin changes the forced password, turns on TOTP and signs in with it, then with an emailed code and after a reset', async ({
  page,
  browser,
}) => {
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    // Refused sign-ins and policy errors are 4xx answers this test provokes on purpose.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  let secret = '';
  let recoveryCodes: string[] = [];
  let lastTotpStep = 0;

  await test.step('a wrong password is refused next to the field', async () => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await shot(page, '01-sign-in');
    await signIn(page, ADMIN_EMAIL, 'Not-The-Right-Password');
    await expect(page.getByText('The email or password is wrong.')).toBeVisible();
    await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await shot(page, '02-sign-in-wrong-password');
  });

  await test.step('the first sign-in is sent to the forced password change', async () => {
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await expect(page).toHaveURL(/\/change-password$/);
    // Any other page sends a restricted session back here.
    await page.goto('/account');
    await expect(page).toHaveURL(/\/change-password$/);
    await shot(page, '03-change-password');
  });

  await test.step('a common password is refused by the policy, next to the field', async () => {
    await page.getByLabel('Current password').fill(ADMIN_PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill('password1234');
    await page.getByLabel('Confirm new password').fill('password1234');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByLabel('New password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await shot(page, '04-change-password-policy-error');
  });

  await test.step('the new password is saved and the home page greets the admin', async () => {
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByRole('heading', { name: /^Hello, / })).toBeVisible();
    await expect(sidebar(page)).toContainText(ADMIN_EMAIL);
    await shot(page, '05-home');
  });

  await test.step('TOTP is set up from the secret shown with the QR code', async () => {
    await fromAccountMenu(page, 'Account');
    await expect(page.getByRole('heading', { name: 'Account', exact: true })).toBeVisible();
    await shot(page, '06-account');
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await page.getByLabel('Your password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
    secret = await page.getByLabel('Setup key').inputValue();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await shot(page, '07-tfa-scan');
    await page.getByLabel('Code from the app').fill(await totpCode(secret));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect(codes).toHaveCount(10);
    recoveryCodes = (await codes.allTextContents()).map((code) => code.trim());
    await shot(page, '08-recovery-codes');
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await expect(page.getByText('Active', { exact: true })).toBeVisible();
    await shot(page, '09-account-tfa-on');
  });

  await test.step('signing in again asks for the second factor; a bad code is refused, the right one works', async () => {
    await signOutFromMenu(page);
    await signIn(page, ADMIN_EMAIL, NEW_PASSWORD);
    await expect(page.getByRole('heading', { name: 'Two-factor authentication' })).toBeVisible();
    await page.getByLabel('Authentication code').fill(await wrongTotpCode(secret));
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByText('This code is wrong or was already used.')).toBeVisible();
    await shot(page, '10-tfa-step-wrong-code');
    // The step used to activate is spent: an authenticator's next code is accepted (one step of drift).
    lastTotpStep = totpStep(30);
    await page.getByLabel('Authentication code').fill(await totpCode(secret, 30));
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByRole('heading', { name: /^Hello, / })).toBeVisible();
    // The sign-in left a device cookie: failures elsewhere do not delay this browser's sign-ins.
    const device = (await page.context().cookies()).find((cookie) => cookie.name === 'provena-device');
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  await test.step('an emailed code from the dev mailbox and a recovery code sign in too', async () => {
    await signOutFromMenu(page);
    await page.getByRole('button', { name: 'Email me a code instead' }).click();
    await page.getByLabel('Email').fill(ADMIN_EMAIL);
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await expect(page.getByLabel('Sign-in code')).toBeVisible();
    await shot(page, '11-sign-in-code-sent');
    const mail = await readMailbox(page, /sign-in code/);
    await shot(mail.mailbox, '12-dev-mailbox');
    expect(mail.subject).not.toMatch(/\d{8}/); // lock screens show subjects
    const code = mail.body.match(/sign-in code is (\d{8})/)?.[1];
    expect(code).toBeDefined();
    await mail.mailbox.close();
    await page.getByLabel('Sign-in code').fill(code!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Authentication code').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByRole('heading', { name: /^Hello, / })).toBeVisible();
    await page.goto('/account');
    await expect(page.getByText('This device').filter({ visible: true })).toBeVisible();
    await shot(page, '13-account-sessions');
  });

  await test.step('a forgotten password is reset through the emailed link', async () => {
    await signOutFromMenu(page);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    // Client-side navigation: the sign-in form (with its own Email field) stays until the new page renders.
    await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
    await page.getByLabel('Email').fill(ADMIN_EMAIL);
    await page.getByRole('button', { name: 'Email me a reset link' }).click();
    await expect(page.getByText('Check your email')).toBeVisible();
    await shot(page, '14-forgot-password-sent');
    const mail = await readMailbox(page, /Reset your Provena password/);
    const link = mail.body.match(/https?:\/\/\S+\/reset-password\?token=\S+/)?.[0];
    expect(link).toBeDefined();
    await mail.mailbox.close();
    await page.goto(link!);
    await page.getByLabel('New password', { exact: true }).fill(RESET_PASSWORD);
    await page.getByLabel('Confirm new password').fill(RESET_PASSWORD);
    await shot(page, '15-reset-password');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.getByText('Your password is changed')).toBeVisible();
    await signIn(page, ADMIN_EMAIL, RESET_PASSWORD);
    // A reset leaves two-factor sign-in in place.
    await page.getByLabel('Authentication code').fill(recoveryCodes[1]!);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByRole('heading', { name: /^Hello, / })).toBeVisible();
  });

  await test.step("another device's session is ended from the account page", async () => {
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, ADMIN_EMAIL, RESET_PASSWORD);
    await otherPage.getByLabel('Authentication code').fill(recoveryCodes[2]!);
    await otherPage.getByRole('button', { name: 'Verify' }).click();
    await expect(otherPage.getByRole('heading', { name: /^Hello, / })).toBeVisible();

    await page.goto('/account');
    await page.getByRole('button', { name: /^End session on / }).click();
    await expect(page.getByRole('button', { name: /^End session on / })).toHaveCount(0);
    await otherPage.reload();
    await expect(otherPage).toHaveURL(/\/sign-in$/);
    await other.close();
  });

  await test.step('the authenticator is disabled, turned back on and removed, each after the password', async () => {
    const method = page.getByRole('listitem').filter({ hasText: 'Authenticator app' });
    await method.getByRole('button', { name: 'Disable' }).click();
    await page.getByLabel(/Your password, to disable/).fill('Not-The-Right-Password');
    await method.getByRole('button', { name: 'Disable' }).click();
    await expect(page.getByText('The password is wrong.')).toBeVisible();
    await page.getByLabel(/Your password, to disable/).fill(RESET_PASSWORD);
    await method.getByRole('button', { name: 'Disable' }).click();
    await expect(method.getByText('Disabled', { exact: true })).toBeVisible();
    // Turning it back on needs a code and the password again.
    await method.getByRole('button', { name: 'Turn back on' }).click();
    await page.getByLabel('Your password', { exact: true }).fill('Not-The-Right-Password');
    await page.getByLabel('Code from the app').fill(await totpCodeAfter(secret, lastTotpStep));
    await method.getByRole('button', { name: 'Turn back on' }).click();
    await expect(page.getByText('The password is wrong.')).toBeVisible();
    await page.getByLabel('Your password', { exact: true }).fill(RESET_PASSWORD);
    await method.getByRole('button', { name: 'Turn back on' }).click();
    await expect(page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await expect(method.getByText('Active', { exact: true })).toBeVisible();
    await method.getByRole('button', { name: 'Disable' }).click();
    await page.getByLabel(/Your password, to disable/).fill(RESET_PASSWORD);
    await method.getByRole('button', { name: 'Disable' }).click();
    await expect(method.getByText('Disabled', { exact: true })).toBeVisible();
    await method.getByRole('button', { name: 'Remove' }).click();
    await page.getByLabel(/Your password, to remove/).fill(RESET_PASSWORD);
    await method.getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByText('Two-factor sign-in is off.')).toBeVisible();
    await shot(page, '16-account-tfa-removed');
  });

  await test.step('the API reference renders from the OpenAPI document', async () => {
    await page.goto('/api/docs');
    await expect(page.getByRole('heading', { level: 1, name: 'API reference' })).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Authenticate a user and return an access token' }).first(),
    ).toBeVisible({ timeout: 30_000 });
    await shot(page, '17-api-docs', { fullPage: false });
  });

  await test.step('no page logged an error', async () => {
    expect(consoleErrors).toEqual([]);
  });
});
