import { readFileSync } from 'node:fs';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { shot, signIn } from './helpers';
import { WALK_EMAIL, WALK_PASSWORD } from './settings';

/**
 * Issue 10's locations journey in the browser: an organization administrator creates a location
 * in the form (after a validation message), imports 1,000 more from a CSV, sees them on the map
 * and in the table, filters (the address changes), archives one in bulk, exports, imports the
 * export into another profile and exports that again: the two files are byte-identical.
 */

const ORGANIZATION = 'Sandpiper Midstream';
const PROFILE_A = 'Sandpiper Permian Gathering';
const PROFILE_B = 'Sandpiper Permian Copy';
const USER = { email: 'ines.okafor@sandpiper.test', firstName: 'Ines', lastName: 'Okafor' };
const TEMPORARY = 'Temporary-Sandpiper-2024';
const PASSWORD = 'Heron-Gravel-Marigold-58';
const ROWS = 1_000;
const HEADER =
  'name,type,basin,isDirectConnection,preferredSuppliers,latitude,longitude,country,state,city,line1,postalCode,status';
const TYPES = [
  'buying',
  'selling',
  'production',
  'gathering',
  'processing',
  'transportation',
  'compression',
  'storage',
  'lng',
  'distribution',
];
const BASINS = ['Permian', 'Appalachian', 'Haynesville', 'Anadarko', 'Eagle Ford'];

/** 1,000 rows spread over the lower 48 (and a few dense spots), every tenth one storage. */
function locationsCsv() {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const latitude = (30 + ((i * 37) % 170) / 10).toFixed(4);
    const longitude = (-120 + ((i * 53) % 420) / 10).toFixed(4);
    const suppliers = i % 3 === 0 ? 'Acme Gas;Basin Midstream' : '';
    lines.push(
      `Well ${String(i).padStart(4, '0')},${TYPES[i % TYPES.length]},${BASINS[i % BASINS.length]},${i % 2 === 0},${suppliers},${latitude},${longitude},US,TX,Midland,,79701,active`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function apiAs(request: APIRequestContext, email: string, password: string) {
  const login = await request.post('/api/v1/auth/login', { data: { email, secret: password } });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async <T>(route: string, data: unknown, token = accessToken): Promise<T> => {
    const response = await request.post(`/api/v1${route}`, {
      data,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status(), `${route}: ${await response.text()}`).toBeLessThan(300);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

let profileA = '';
let profileB = '';

test.beforeAll(async ({ request }) => {
  const post = await apiAs(request, WALK_EMAIL, WALK_PASSWORD);
  const organization = await post<{ _id: string }>('/admin/organizations/create', {
    name: ORGANIZATION,
    taxId: '987654321',
    duns: '987654321',
  });
  for (const name of [PROFILE_A, PROFILE_B]) {
    const profile = await post<{ _id: string }>('/admin/organization-profiles/create', {
      name,
      organizationId: organization._id,
      participantTypes: ['producer'],
      participantTags: [{ tag: 'nat_gas_producer' }],
    });
    if (name === PROFILE_A) profileA = profile._id;
    else profileB = profile._id;
  }
  await post('/admin/users/create', {
    ...USER,
    password: TEMPORARY,
    roleLinks: [
      { roleCode: 'default.organization.admin', entityType: 'organization', entityId: organization._id },
    ],
  });
  // the first sign-in must replace the temporary password
  const first = await request.post('/api/v1/auth/login', { data: { email: USER.email, secret: TEMPORARY } });
  const { restrictedToken } = (await first.json()) as { restrictedToken: string };
  const changed = await request.post('/api/v1/auth/password', {
    data: { password: PASSWORD, oldPassword: TEMPORARY },
    headers: { authorization: `Bearer ${restrictedToken}` },
  });
  expect(changed.status()).toBe(204);
});

/** Imports a CSV through the dialog and waits for its answer. */
async function importCsv(page: Page, file: { name: string; buffer: Buffer }, imported: string) {
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import locations' });
  await dialog.getByLabel('CSV file').setInputFiles({ ...file, mimeType: 'text/csv' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByText(`Imported ${imported} locations`)).toBeVisible({ timeout: 60_000 });
  return dialog;
}

async function exportCsv(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  return readFileSync((await download.path()) as string);
}

/** The map's marks: every cluster's count plus every single point. */
const mapCount = (page: Page) =>
  page.evaluate(() => {
    const clusters = [...document.querySelectorAll('[data-cluster-count]')].map((e) =>
      Number(e.getAttribute('data-cluster-count')),
    );
    return {
      clusters: clusters.length,
      total: clusters.reduce((a, b) => a + b, 0) + document.querySelectorAll('[data-map-point]').length,
    };
  });

test('locations: form, CSV import of 1,000, map, table, filter, bulk archive, export and re-import unchanged', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signIn(page, USER.email, PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${USER.firstName}` })).toBeVisible();
  const list = `/profiles/${profileA}/locations`;

  await test.step('the empty list offers to add or import', async () => {
    await page.goto(list);
    await expect(page.getByText('No locations yet')).toBeVisible();
  });

  await test.step('the form: a validation message first, then a location is created', async () => {
    await page.getByRole('main').getByRole('link', { name: 'New location' }).first().click();
    await expect(page).toHaveURL(`${list}/new`);
    const form = page.getByRole('form', { name: 'New location' });
    await form.getByLabel('Latitude').fill('31.9973');
    await form.getByRole('button', { name: 'Create location' }).click();
    await expect(form.getByText('Name is required.')).toBeVisible();
    await expect(form.getByText('The longitude is needed with the latitude.')).toBeVisible();
    await expect(form.getByLabel('Name')).toBeFocused();
    await shot(page, 'location-form-errors-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'location-form-errors-390');
    await page.setViewportSize({ width: 1280, height: 900 });

    await form.getByLabel('Name').fill('Midland Hub');
    await form.getByRole('textbox', { name: /^Code/ }).fill('MID-001');
    await form.getByLabel('Longitude').fill('-102.0779');
    await form.getByLabel('Preferred suppliers').fill('Acme Gas');
    await form.getByLabel('Preferred suppliers').press('Enter');
    await expect(form.getByRole('button', { name: 'Remove Acme Gas' })).toBeVisible();
    await form.getByLabel('Country').click();
    await page.getByPlaceholder('Search countries').fill('United States');
    await page.getByRole('option', { name: 'United States', exact: true }).click();
    await form.getByRole('button', { name: 'Create location' }).click();
    await expect(page).toHaveURL(new RegExp(`${list}/[0-9a-f-]{36}$`));
    await expect(page.getByRole('heading', { name: 'Midland Hub' })).toBeVisible();
  });

  await test.step('a CSV of 1,000 rows imports in the browser', async () => {
    await page.goto(list);
    const dialog = await importCsv(
      page,
      { name: 'locations.csv', buffer: Buffer.from(locationsCsv()) },
      '1,000',
    );
    await shot(page, 'locations-import-done-1440');
    await dialog.getByRole('button', { name: 'Done' }).click();
  });

  await test.step('a CSV with bad rows shows every one and imports nothing', async () => {
    const bad = `${HEADER}\nNo type,spaceport,Permian,false,,31,-102,US,TX,,,,active\n,buying,Atlantis,false,,95,-102,US,TX,,,,active\n`;
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import locations' });
    await dialog
      .getByLabel('CSV file')
      .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByText('Nothing was imported')).toBeVisible({ timeout: 30_000 });
    await expect(
      dialog.getByRole('table', { name: 'Problems in the file' }).getByRole('row'),
    ).not.toHaveCount(1);
    await shot(page, 'locations-import-errors-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'locations-import-errors-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.keyboard.press('Escape');
  });

  await test.step('the map and the table show all 1,001', async () => {
    await page.reload();
    await expect(page.getByTestId('map-summary')).toContainText('1,001 locations on the map');
    await expect.poll(async () => (await mapCount(page)).total).toBe(1001);
    expect((await mapCount(page)).clusters).toBeGreaterThan(0);
    await expect(page.getByText('1–25 of 1,001')).toBeVisible();
    // a click on a cluster zooms in: more marks, the same total
    const before = await page.locator('[data-cluster-count], [data-map-point]').count();
    await page.locator('[data-cluster-count]').first().click();
    await expect.poll(() => page.locator('[data-cluster-count], [data-map-point]').count()).not.toBe(before);
    await page.getByRole('button', { name: 'Show the whole map' }).click();
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, 'locations-list-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'locations-list-390');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step('a filter narrows the table and the map, and lives in the address', async () => {
    await page.getByRole('button', { name: 'Filter by Type' }).click();
    await page.getByRole('menuitemradio', { name: 'Storage' }).click();
    await expect(page).toHaveURL(/[?&]type=storage/);
    await expect(page.getByText('1–25 of 100')).toBeVisible();
    await expect(page.getByTestId('map-summary')).toContainText('100 locations on the map');
    await page.reload();
    await expect(page.getByText('1–25 of 100')).toBeVisible();
  });

  await test.step('one location is archived in bulk, after a confirmation', async () => {
    await page
      .getByRole('checkbox', { name: /^Select Well / })
      .first()
      .click();
    await page
      .getByRole('region', { name: 'Selected locations' })
      .getByRole('button', { name: 'Archive' })
      .click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Archive' }).click();
    await expect(page.getByText('1 location archived').first()).toBeVisible();
    await page.goto(`${list}?status=archive`);
    await expect(page.getByText('1–1 of 1')).toBeVisible();
  });

  await test.step('the export re-imports into another profile unchanged', async () => {
    await page.goto(list);
    await expect(page.getByText('1–25 of 1,001')).toBeVisible();
    const first = await exportCsv(page);
    expect(first.toString('utf8').split(/\r?\n/)[0]).toContain(HEADER);
    await page.goto(`/profiles/${profileB}/locations`);
    await expect(page.getByText('No locations yet')).toBeVisible();
    const dialog = await importCsv(page, { name: 'export.csv', buffer: first }, '1,001');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByText('1–25 of 1,001')).toBeVisible();
    const second = await exportCsv(page);
    expect(second.equals(first), 'the second export is byte-identical to the first').toBe(true);
  });
});
