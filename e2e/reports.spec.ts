import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { shot, signIn } from './helpers';
import { SHOTS_DIR, WALK_EMAIL, WALK_PASSWORD } from './settings';

/**
 * Issue 11's reports in the browser. Staff render a retirement statement from the console's form
 * (the template's example, the profile chosen in the header, the live preview), issue it, land on
 * its record, download the PDF (a real PDF whose text carries the number shown on the page), see
 * its hash verify, void it with a reason and see the hash no longer verify. A profile's user
 * creates the locations inventory from the profile's reports page and downloads it.
 */

// a worker that starts over after a failure runs beforeAll again: its own names then
const RUN = Date.now().toString(36).toUpperCase().slice(-6);
const ORGANIZATION = `Kestrel Gas Marketing ${RUN}`;
const PROFILE = `Kestrel Permian Supply ${RUN}`;
const USER = {
  email: `noor.haddad.${RUN.toLowerCase()}@kestrel.test`,
  firstName: 'Noor',
  lastName: 'Haddad',
};
const TEMPORARY = 'Temporary-Kestrel-2024';
const PASSWORD = 'Basalt-Meadow-Lantern-63';
// serials are retired once: a batch of this run's own
const BATCH = `PRV-202611-E2E${RUN}-7`;

async function apiAs(request: APIRequestContext, email: string, password: string) {
  const login = await request.post('/api/v1/auth/login', { data: { email, secret: password } });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async <T>(route: string, data: unknown): Promise<T> => {
    const response = await request.post(`/api/v1${route}`, {
      data,
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(response.status(), `${route}: ${await response.text()}`).toBeLessThan(300);
    return (await response.json()) as T;
  };
}

/** Every CSP violation and page error: the spec fails on any. */
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

/** Clicks a download link and returns the file's bytes and its text (pdftotext, poppler-utils). */
async function downloadPdf(page: Page, link: ReturnType<Page['getByRole']>) {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = (await download.path()) as string;
  const bytes = readFileSync(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { bytes, text, filename: download.suggestedFilename() };
}

/**
 * Pictures at 1440 and 390 px. `settled` instead of the network's rest: the render form's preview
 * frame (a PDF viewer on a blob:) may keep the network busy after a resize.
 */
async function shotBothWidths(page: Page, name: string, settled?: () => Promise<void>) {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    if (settled) {
      await settled();
      mkdirSync(SHOTS_DIR, { recursive: true });
      await page.screenshot({
        path: path.join(SHOTS_DIR, `${name}-${width}.png`),
        fullPage: true,
        caret: 'initial',
      });
    } else await shot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

let profileId = '';

test.beforeAll(async ({ request }) => {
  const post = await apiAs(request, WALK_EMAIL, WALK_PASSWORD);
  const organization = await post<{ _id: string }>('/admin/organizations/create', {
    name: ORGANIZATION,
    taxId: '456789123',
    duns: '456789123',
  });
  const profile = await post<{ _id: string }>('/admin/organization-profiles/create', {
    name: PROFILE,
    organizationId: organization._id,
    participantTypes: ['producer'],
    participantTags: [{ tag: 'nat_gas_producer' }],
  });
  profileId = profile._id;
  for (const [name, type, basin, latitude, longitude] of [
    ['Kestrel Midland Hub', 'buying', 'Permian', 31.9973, -102.0779],
    ['Kestrel Pecos Plant', 'processing', 'Permian', 31.4229, -103.4932],
  ] as const)
    await post('/admin/business-locations/create', {
      profileId,
      name,
      type,
      basin,
      isDirectConnection: false,
      preferredSuppliers: [],
      coordinates: { latitude, longitude },
      address: { country: 'US' },
    });
  await post('/admin/users/create', {
    ...USER,
    password: TEMPORARY,
    roleLinks: [
      { roleCode: 'default.organization.admin', entityType: 'organization', entityId: organization._id },
    ],
  });
  const first = await request.post('/api/v1/auth/login', { data: { email: USER.email, secret: TEMPORARY } });
  const { restrictedToken } = (await first.json()) as { restrictedToken: string };
  const changed = await request.post('/api/v1/auth/password', {
    data: { password: PASSWORD, oldPassword: TEMPORARY },
    headers: { authorization: `Bearer ${restrictedToken}` },
  });
  expect(changed.status()).toBe(204);
});

test('staff render a retirement statement with a live preview, download it, verify it, void it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const problems = await watch(page);
  await signIn(page, WALK_EMAIL, WALK_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: /^Hello, / })).toBeVisible();

  await test.step('the render form: the example, the profile, the preview', async () => {
    await page.goto('/admin/reports');
    await page.getByRole('main').getByRole('link', { name: 'Render a report' }).first().click();
    await expect(page).toHaveURL(/\/admin\/reports\/new$/);
    await page.getByLabel('Template').selectOption('retirement');
    const editor = page.getByLabel('Data (JSON)');
    // a parse error is shown at once
    await editor.fill('{"profileId": ');
    await expect(page.getByText(/^Not valid JSON/)).toBeVisible();
    await page.getByRole('button', { name: 'Load example' }).click();
    await expect(page.getByText('Valid JSON.', { exact: false })).toBeVisible();
    // this run's own batch, written into the JSON as a person would
    const example = await editor.inputValue();
    expect(example).toContain('"serials"');
    await editor.fill(example.replace(/PRV-\d{6}-[A-Z0-9]+-\d+/g, BATCH));
    // the header's profile picker writes the profile and its names into the data
    await page.getByRole('combobox', { name: 'Retiring profile' }).click();
    await page.getByPlaceholder('Search profiles by name').fill(PROFILE);
    await page.getByRole('option', { name: new RegExp(PROFILE) }).click();
    await expect(editor).toHaveValue(new RegExp(`"profileId": "${profileId}"`));
    await expect(editor).toHaveValue(new RegExp(`"name": "${ORGANIZATION}"`));
    // the live preview after the pause: a PDF in a frame, not issued
    await expect(page.getByText(/\d+ pages?, not issued/)).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('iframe[title="Preview of the PDF"]')).toHaveAttribute('src', /^blob:/);
    await shotBothWidths(page, 'reports-render-form', () =>
      expect(page.getByText(/\d+ pages?, not issued/)).toBeVisible(),
    );
  });

  await test.step('a field problem from the server is listed by its path', async () => {
    const editor = page.getByLabel('Data (JSON)');
    const valid = await editor.inputValue();
    await editor.fill(valid.replace('"purpose": "ghgp_scope3"', '"purpose": "bragging"'));
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByRole('list', { name: 'Field problems' })).toContainText('data.purpose');
    await editor.fill(valid);
    await expect(page.getByRole('list', { name: 'Field problems' })).toHaveCount(0, { timeout: 30_000 });
  });

  let number = '';
  let hash = '';
  await test.step('render and issue: the record, with its number and hash', async () => {
    await page.getByRole('button', { name: 'Render and issue' }).click();
    await expect(page).toHaveURL(/\/admin\/reports\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(/^RS-\d{4}-\d{6}$/);
    number = (await heading.textContent())!.trim();
    await expect(page.getByRole('main')).toContainText('Ready');
    hash = (await page
      .getByRole('main')
      .locator('code')
      .filter({ hasText: /^[0-9a-f]{64}$/ })
      .first()
      .textContent())!;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await shotBothWidths(page, 'reports-record');
  });

  await test.step('the download is the PDF of that statement', async () => {
    const pdf = await downloadPdf(page, page.getByRole('link', { name: `Download ${number} (PDF)` }));
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.text).toContain(number);
    expect(pdf.text.replace(/\s+/g, '')).toContain(hash);
  });

  await test.step('its hash verifies on the public page', async () => {
    const verify = await page.context().newPage();
    await verify.goto(`/verify/${hash}`);
    await expect(verify.locator('body')).not.toContainText(/not valid/i);
    await expect(verify.locator('body')).toContainText(/valid/i);
    await verify.close();
  });

  await test.step('void it with a reason: the record says void and the hash no longer verifies', async () => {
    await page.getByRole('button', { name: 'Void' }).click();
    const dialog = page.getByRole('dialog', { name: `Void ${number}?` });
    await dialog.getByRole('button', { name: 'Void report' }).click();
    await expect(dialog.getByText('Say why this report is void.')).toBeVisible();
    await dialog.getByLabel('Reason').fill('Issued to the wrong beneficiary (e2e)');
    await dialog.getByRole('button', { name: 'Void report' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'This report is void' })).toContainText(
      'Issued to the wrong beneficiary (e2e)',
    );
    await expect(page.getByRole('button', { name: 'Void' })).toHaveCount(0);
    const verify = await page.context().newPage();
    await verify.goto(`/verify/${hash}`);
    await expect(verify.locator('body')).toContainText(/not valid|void/i);
    await verify.close();
    await page.reload();
    await expect(page.getByRole('main')).toContainText('Void');
  });

  await test.step('the list finds it by its number, marked void', async () => {
    await page.goto('/admin/reports');
    await page
      .getByRole('main')
      .getByPlaceholder(/^Number, title/)
      .fill(number);
    const row = page.getByRole('main').getByRole('row').filter({ hasText: number });
    await expect(row).toContainText('Void');
    await expect(row).toContainText('Issued to the wrong beneficiary (e2e)');
  });

  expect(problems).toEqual([]);
});

test('a profile user creates the locations report from the dashboard and downloads it', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = await watch(page);
  await signIn(page, USER.email, PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${USER.firstName}` })).toBeVisible();

  await page.goto(`/profiles/${profileId}`);
  await page.getByRole('link', { name: 'Reports', exact: true }).first().click();
  await expect(page).toHaveURL(`/profiles/${profileId}/reports`);
  // the statement staff issued for this profile (the other test, voided there) is listed as void,
  // or, when this test runs alone, the list is empty and says what reports are
  await expect(
    page.getByText('No reports yet').or(page.getByRole('row').filter({ hasText: /RS-\d{4}-\d{6}/ })),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Create locations report' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create a locations report' });
  await dialog.getByLabel('Basin').selectOption('Permian');
  await dialog.getByRole('button', { name: 'Create report' }).click();
  await expect(dialog).toHaveCount(0);

  const row = page
    .getByRole('main')
    .getByRole('row')
    .filter({ hasText: /LI-\d{4}-\d{6}/ });
  await expect(row).toHaveCount(1);
  // pending or rendering first for a large one; this one is small, and the list polls until Ready
  await expect(row).toContainText('Ready', { timeout: 30_000 });
  const number = (await row.getByText(/^LI-\d{4}-\d{6}$/).textContent())!.trim();
  await shotBothWidths(page, 'reports-dashboard');

  const pdf = await downloadPdf(page, row.getByRole('link', { name: `Download ${number} (PDF)` }));
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.text).toContain(number);
  expect(pdf.text).toContain('Kestrel Midland Hub');
  expect(problems).toEqual([]);
});
