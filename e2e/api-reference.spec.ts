import { expect, type Page, test } from '@playwright/test';
import { shot } from './helpers';
import { E2E_URL } from './settings';

/**
 * Issue 9, the API reference: Scalar, bundled with the app, draws the generated OpenAPI document
 * under the production CSP (its own <style> elements are allowed on this page alone), asks no
 * other origin for anything (no CDN, no web fonts, no telemetry), shows operations with their
 * examples, and fits a phone. Signed out it is in a plain frame; the console's shell has it for
 * a signed-in person (browser-security.spec.ts opens it there).
 */

async function watch(page: Page) {
  const problems: string[] = [];
  await page.exposeBinding('reportPolicyViolation', (_, text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { reportPolicyViolation: (text: string) => void }).reportPolicyViolation(
        `${event.effectiveDirective} refused ${event.blockedURI || 'inline'}`,
      ),
    );
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content.Security.Policy|Refused to/i.test(message.text()))
      problems.push(message.text());
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(E2E_URL) && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.push(`asked another origin: ${url}`);
  });
  return problems;
}

test('the API reference shows every operation with its examples, under the CSP, offline, on a phone too', async ({
  page,
}) => {
  const problems = await watch(page);

  await test.step('the reference opens and draws the operations of the document', async () => {
    const response = await page.goto('/api/docs');
    expect(response!.status()).toBe(200);
    const csp = response!.headers()['content-security-policy'];
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    await expect(page.getByRole('heading', { level: 1, name: 'API reference' })).toBeVisible();
    const reference = page.locator('.scalar-app').first();
    await expect(reference).toBeVisible({ timeout: 30_000 });
    await expect(reference.getByText('Provena API').first()).toBeVisible();
    // an operation's summary, and the example request of the login route (from the seed body)
    await expect(
      reference.getByRole('heading', { name: 'Authenticate a user and return an access token' }).first(),
    ).toBeVisible();
    await expect(reference.getByText('your-password').first()).toBeAttached();
    await page.waitForLoadState('networkidle');
    await shot(page, 'api-reference-1440', { fullPage: false });
  });

  await test.step('a problem type links to its code in the errors table', async () => {
    await page.goto('/api/docs#problem-forbidden');
    await expect(page.locator('#problem-forbidden')).toContainText('FORBIDDEN');
  });

  await test.step('on a phone nothing scrolls sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/api/docs');
    await expect(page.locator('.scalar-app').first()).toBeVisible({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'api-reference-390', { fullPage: false });
  });

  await test.step('no policy violation, no error, no other origin', async () => {
    expect(problems).toEqual([]);
  });
});
