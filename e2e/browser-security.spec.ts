import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Page, test } from '@playwright/test';
import { shot, signIn } from './helpers';
import { E2E_URL, SECURITY_EMAIL, SECURITY_PASSWORD } from './settings';

/**
 * Issue 7, the browser: every page renders and hydrates under the nonce CSP with no violation,
 * the token pages forget their token and send no referrer, and another site cannot frame the app.
 */

const NEW_PASSWORD = 'Harbor-Thistle-Quarry-91';
const NO_ID = '00000000-0000-0000-0000-000000000000';
const SIGNED_IN_PAGES = [
  '/',
  '/account',
  '/members',
  '/profiles',
  `/profiles/${NO_ID}`,
  '/activity',
  '/admin',
  '/admin/organizations',
  '/admin/organizations/new',
  '/admin/users',
  '/admin/users/new',
  '/admin/profiles',
  '/admin/audit',
  '/api/docs',
  '/dev/mailbox',
  '/no-such-page',
];

/** Every CSP violation the page reports (the DOM event and Chromium's console line) and every page error. */
async function watch(page: Page) {
  const problems: string[] = [];
  await page.exposeBinding('reportPolicyViolation', ({ frame }, text: string) =>
    problems.push(`${frame.url()}: ${text}`),
  );
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { reportPolicyViolation: (text: string) => void }).reportPolicyViolation(
        `${event.effectiveDirective} refused ${event.blockedURI || 'inline'}`,
      ),
    );
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text()))
      problems.push(`${page.url()}: ${message.text()}`);
  });
  return problems;
}

async function shotBothWidths(page: Page, name: string) {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await shot(page, `security-${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The page answered with its policy and rendered (a level-1 heading); a refused script shows in `watch`. */
async function expectWorkingPage(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response!.status(), path).toBeLessThan(500);
  expect(response!.headers()['content-security-policy']).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(response!.headers()['x-frame-options']).toBe('DENY');
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
}

test('every page works under the CSP without a violation, token pages forget their token, and no other site can frame the app', async ({
  page,
}) => {
  const problems = await watch(page);

  await test.step('the signed-out pages render under the policy', async () => {
    for (const path of ['/sign-in', '/forgot-password']) await expectWorkingPage(page, path);
    await page.goto('/sign-in');
    await shotBothWidths(page, 'sign-in');
  });

  await test.step('the reset and invitation pages send no referrer and take the token out of the address bar', async () => {
    for (const path of ['/accept-invitation', '/reset-password']) {
      const response = await page.goto(`${path}?token=not-a-real-token`);
      expect(response!.headers()['referrer-policy']).toBe('no-referrer');
      await expect(page).toHaveURL(`${E2E_URL}${path}`);
      await page.waitForLoadState('networkidle');
    }
    // The form still holds the token it was opened with.
    await expect(page.getByLabel('New password', { exact: true })).toBeVisible();
    await shotBothWidths(page, 'reset-password');
  });

  await test.step('a platform admin signs in and replaces the temporary password', async () => {
    await signIn(page, SECURITY_EMAIL, SECURITY_PASSWORD);
    await expect(page).toHaveURL(/\/change-password$/);
    await page.getByLabel('Current password').fill(SECURITY_PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.getByRole('heading', { name: /^Hello, / })).toBeVisible();
  });

  await test.step('every signed-in page renders and hydrates under the policy', async () => {
    for (const path of SIGNED_IN_PAGES) await expectWorkingPage(page, path);
    await page.goto('/admin');
    await shotBothWidths(page, 'admin');
  });

  await test.step('the two-factor setup shows its QR code (a data: image)', async () => {
    await page.goto('/account');
    await shotBothWidths(page, 'account');
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await page.getByLabel('Your password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    const qr = page.getByRole('img', { name: /QR code/ });
    await expect(qr).toBeVisible();
    await expect.poll(() => qr.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    await shot(page, 'security-account-tfa-qr');
  });

  await test.step('no page reported a policy violation or an error', async () => {
    expect(problems).toEqual([]);
  });

  await test.step('a page on another site that frames the admin console gets nothing', async () => {
    // The signed-in browser visits the attacker's page: a real server on this machine, another origin (a routed or public page would be stopped by
    // Chromium's local network checks before CSP has a say) but the same site, so the browser sends
    // its session cookie into the frame.
    const site = createServer((_, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(
        `<h1>Win a prize</h1><iframe title="prize" src="${E2E_URL}/admin" width="1000" height="700"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const attacker = await page.context().newPage();
    // 'load' waits for the frame too: whatever it shows, it has shown it.
    await attacker.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`, { waitUntil: 'load' });
    const framed = attacker.frames().find((frame) => frame !== attacker.mainFrame())!;
    // Chromium refused to render the app in the frame and shows its own error page there.
    await expect.poll(() => framed.url()).toMatch(/^chrome-error:/);
    await expect(attacker.frameLocator('iframe').locator('body')).not.toContainText('Provena');
    await shot(attacker, 'security-framed-admin-refused');
    await attacker.close();
    site.close();
  });
});
