import { expect, test } from '@playwright/test';
import { shot } from './helpers';
import { E2E_URL, KEYBOARD_EMAIL, KEYBOARD_PASSWORD } from './settings';

const PASSWORD = 'Amber-Keyboard-Orchard-58';

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
 * Issue 9: the sign-in form focuses its email field once the page is interactive (its fields wait
 * for hydration, which loses the browser's autofocus), a keyboard alone signs in, and the account
 * page's "End session" button carries its visible words in its accessible name (WCAG 2.5.3).
 */
test('sign-in is focused and keyboard-only; the account page ends other sessions by name', async ({
  page,
}) => {
  // The account's temporary password is replaced over the API; that API session is "another session".
  const restricted = await post('/auth/login', { email: KEYBOARD_EMAIL, secret: KEYBOARD_PASSWORD });
  expect(restricted.status).toBe(403);
  expect(
    (
      await post(
        '/auth/password',
        { password: PASSWORD, oldPassword: KEYBOARD_PASSWORD },
        restricted.body.restrictedToken,
      )
    ).status,
  ).toBe(204);
  const api = await post('/auth/login', { email: KEYBOARD_EMAIL, secret: PASSWORD });
  expect(api.status).toBe(200);

  await test.step('after load, the email field has the focus', async () => {
    await page.goto('/sign-in');
    const email = page.getByLabel('Email');
    await expect(email).toBeEnabled();
    await expect(email).toBeFocused();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.autocomplete)).toBe(
      'username',
    );
  });

  await test.step('an empty submit by Enter puts the focus on the first field in error', async () => {
    await page.keyboard.press('Enter');
    await expect(page.getByText('Email is required.')).toBeVisible();
    await expect(page.getByLabel('Email')).toBeFocused();
  });

  await test.step('typing, Tab and Enter alone sign in and reach the dashboard', async () => {
    await page.keyboard.type(KEYBOARD_EMAIL);
    await expect(page.getByText('Email is required.')).toHaveCount(0);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${E2E_URL}/`);
    await expect(page.getByRole('heading', { name: /^Hello, / })).toBeVisible();
  });

  await test.step('the other session’s End session button is named with its visible words', async () => {
    await page.goto('/account');
    const end = page.getByRole('button', { name: /^End session on / });
    await expect(end).toHaveCount(1);
    // biome-ignore lint/performance/useDomNodeTextContent: the words a sighted user reads (innerText), which label-in-name compares with the accessible name
    const visible = (await end.innerText()).trim();
    expect(visible).toBe('End session');
    const name = (await end.getAttribute('aria-label')) ?? '';
    expect(name.toLowerCase()).toContain(visible.toLowerCase());
    await expect(page.getByText('This device').filter({ visible: true })).toBeVisible();
    await shot(page, 'account-sessions');
  });

  await test.step('"Sign out all other sessions" ends the API session and keeps this one', async () => {
    await page.getByRole('button', { name: 'Sign out all other sessions' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Sign out other sessions' }).click();
    await expect(page.getByRole('button', { name: /^End session on / })).toHaveCount(0);
    await expect(page.getByText('This device').filter({ visible: true })).toBeVisible();
    const me = await fetch(`${E2E_URL}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${api.body.accessToken}` },
    });
    expect(me.status).toBe(401);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible();
  });
});
