import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import { E2E_URL, WALK_EMAIL, WALK_PASSWORD, WALK_SHOTS_DIR } from './settings';

/**
 * Issue 9's walk: every page a person meets on a first visit, at a desktop (1440×900) and a phone
 * (390×844) width, signed out, as platform staff and as a freshly invited organization
 * administrator. On each page and at each width: nothing scrolls sideways
 * (`document.documentElement.scrollWidth <= viewport width`) and axe (WCAG 2.0/2.1 A and AA) finds no
 * serious or critical violation (and, at 1440 px on one page of each kind, no contrast failure in
 * dark mode). The skip link
 * is the first Tab stop and Enter puts focus on main; sign-in works from the keyboard alone; every
 * Tab stop shows the one focus ring. The checks are soft, so one run names every page that fails.
 * With WALK_SHOTS_DIR set, a picture of each page at each width is kept there as <page>-<width>.png.
 *
 * One browser; one context per role, signed in once. Its own admin (made by the global setup) and
 * its own organization, so it shares no state with the other specs.
 */

const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/**
 * Dark mode's contrast, checked on one page of each kind (the tokens are shared, and the check
 * costs a second or two a page): a signed-out card, the console's lists, tables and forms, every
 * primitive, the dashboard.
 */
const DARK_CHECKED = new Set([
  'sign-in',
  'admin-overview',
  'admin-organization',
  'admin-audit',
  'design-system',
  'dashboard-members',
  'not-found',
]);

/** The e2e server's APP_ENV (playwright.config.ts), as the staff banner words it. */
const E2E_ENVIRONMENT = 'Development';
const ORGANIZATION = 'Meadowlark Energy';
const PROFILE = 'Meadowlark Appalachia Production';
const INVITEE = { email: 'rosa.lindqvist@meadowlark.test', firstName: 'Rosa', lastName: 'Lindqvist' };
const INVITEE_PASSWORD = 'Lantern-Quarry-Saffron-27';

// Without animations a check never meets a half-faded colour (globals.css honours reduced motion).
test.use({ reducedMotion: 'reduce', viewport: WIDTHS[0] });

/** The outermost elements that stick out past the right edge: what makes a page scroll sideways. */
function overflowCulprits(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const describe = (element: Element) => {
      const id = element.id ? `#${element.id}` : '';
      const classes = typeof element.className === 'string' ? element.className.trim().split(/\s+/) : [];
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${element.tagName.toLowerCase()}${id}${classes.length ? ` class="${classes.slice(0, 6).join(' ')}${classes.length > 6 ? ' …' : ''}"` : ''}> right=${Math.round(element.getBoundingClientRect().right)}px "${text}"`;
    };
    const sticksOut = (element: Element) => element.getBoundingClientRect().right > width + 0.5;
    return [...document.body.querySelectorAll('*')]
      .filter((element) => sticksOut(element) && !(element.parentElement && sticksOut(element.parentElement)))
      .slice(0, 5)
      .map(describe);
  });
}

type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** One violation per paragraph: rule, impact, what to do, and where (up to five elements). */
function readable(violations: AxeViolation[]) {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map(
          (node) =>
            `    ${node.target.join(' ')}: ${node.html.replace(/\s+/g, ' ').slice(0, 200)}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
        )
        .join('\n');
      const more = violation.nodes.length > 5 ? `\n    … and ${violation.nodes.length - 5} more` : '';
      return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}${more}`;
    })
    .join('\n');
}

/**
 * Two frames: a style change (a new width, dark mode, focus) has been drawn. Colours that change
 * with a transition read as their old value until the next frame, even with reduced motion.
 */
const nextFrames = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** The page has answered: no request in flight, no skeleton left (the design-system page shows some). */
async function settle(page: Page, options: { skeletons?: boolean } = {}) {
  await page.waitForLoadState('networkidle');
  if (!options.skeletons) await expect(page.locator('.animate-pulse')).toHaveCount(0);
  await nextFrames(page);
}

/**
 * The walk's check of the open page, at each width in turn: sideways scroll, axe, and the picture.
 * Leaves the page at the desktop width.
 */
async function checkPage(
  page: Page,
  name: string,
  {
    widths = WIDTHS,
    skeletons = false,
  }: { widths?: readonly { width: number; height: number }[]; skeletons?: boolean } = {},
) {
  for (const size of widths) {
    await page.setViewportSize(size);
    await settle(page, { skeletons });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    const culprits = scrollWidth > size.width ? await overflowCulprits(page) : [];
    expect
      .soft(
        scrollWidth,
        `${name} at ${size.width} px scrolls sideways; sticking out:\n  ${culprits.join('\n  ')}`,
      )
      .toBeLessThanOrEqual(size.width);
    if (name.startsWith('admin-')) {
      // the admin console says on every page, at every width, that this is staff and which environment
      const banner = page.getByRole('note', { name: 'Staff console' });
      await expect.soft(banner, `${name} at ${size.width} px: the staff banner`).toBeVisible();
      await expect.soft(banner).toContainText('Staff');
      await expect.soft(banner).toContainText(E2E_ENVIRONMENT);
    }
    const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect.soft(blocking.length, `${name} at ${size.width} px, axe:\n${readable(blocking)}`).toBe(0);
    if (size.width === WIDTHS[0].width && DARK_CHECKED.has(name)) {
      // Dark mode follows the system: its tokens must keep AA contrast too.
      await page.emulateMedia({ colorScheme: 'dark' });
      // a whole page changes colour: give inherited colours a moment past the two frames
      await nextFrames(page);
      await page.waitForTimeout(300);
      const dark = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
      await page.emulateMedia({ colorScheme: 'light' });
      await nextFrames(page);
      const darkBlocking = dark.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect.soft(darkBlocking.length, `${name} in dark mode, axe:\n${readable(darkBlocking)}`).toBe(0);
    }
    if (WALK_SHOTS_DIR) {
      mkdirSync(WALK_SHOTS_DIR, { recursive: true });
      await page.screenshot({
        path: path.join(WALK_SHOTS_DIR, `${name}-${size.width}.png`),
        fullPage: true,
        caret: 'initial',
      });
    }
  }
  await page.setViewportSize(WIDTHS[0]);
}

/** Opens `url` (a page that must exist) and checks it. */
async function visit(page: Page, url: string, name: string, options: { skeletons?: boolean } = {}) {
  const response = await page.goto(url);
  expect.soft(response?.status(), `${name} (${url}) answered`).toBeLessThan(400);
  await checkPage(page, name, options);
}

/** Tabs until `target` has focus (at most `limit` presses), as someone on a keyboard would. */
async function tabTo(page: Page, target: Locator, limit = 8) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** The skip link is the first thing Tab reaches, shows when focused, and Enter puts focus on main. */
async function expectSkipLinkFirst(page: Page, where: string) {
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await page.keyboard.press('Tab');
  await expect(skip, `${where}: the first Tab lands on the skip link`).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main'), `${where}: Enter on the skip link moves focus to main`).toBeFocused();
}

/**
 * Tabs through the page (up to `stops` times) and asks every element that takes focus to show the
 * one focus style: the 2px ring in the --ring colour, outside the element (app/globals.css).
 */
async function expectOneFocusStyle(page: Page, name: string, stops = 40) {
  const ring = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.color = 'var(--ring)';
    document.body.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  });
  const seen: string[] = [];
  const wrong: string[] = [];
  for (let stop = 0; stop < stops; stop++) {
    await page.keyboard.press('Tab');
    await nextFrames(page);
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const label = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 30);
      return {
        key: `${element.tagName.toLowerCase()} "${label}" ${Math.round(element.getBoundingClientRect().top)}`,
        outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} offset ${style.outlineOffset}`,
      };
    });
    if (!focused || seen.includes(focused.key)) break;
    seen.push(focused.key);
    if (focused.outline !== `solid 2px ${ring} offset 2px`) wrong.push(`${focused.key}: ${focused.outline}`);
  }
  expect.soft(wrong, `${name}: every focus shows the one ring (solid 2px ${ring} offset 2px)`).toEqual([]);
}

/** A menu opened from the keyboard: its current item shows the same ring, just inside its edge. */
async function expectMenuItemRing(page: Page, trigger: Locator) {
  await trigger.focus();
  await page.keyboard.press('Enter');
  const item = page.getByRole('menuitem').first();
  await expect(item).toBeFocused();
  await nextFrames(page);
  const outline = await item.evaluate((element) => {
    const style = getComputedStyle(element);
    return `${style.outlineStyle} ${style.outlineWidth} offset ${style.outlineOffset}`;
  });
  expect
    .soft(outline, 'a menu item focused from the keyboard shows the ring inside its edge')
    .toBe('solid 2px offset -2px');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
}

async function bearer(request: APIRequestContext, email: string, password: string) {
  const login = await request.post('/api/v1/auth/login', { data: { email, secret: password } });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}

async function apiAs(request: APIRequestContext, email: string, password: string) {
  const login = await request.post('/api/v1/auth/login', { data: { email, secret: password } });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };
  return async <T>(route: string, data: unknown, status = 201): Promise<T> => {
    const response = await request.post(`/api/v1${route}`, { data, headers });
    expect(response.status(), `${route}: ${await response.text()}`).toBe(status);
    return (await response.json()) as T;
  };
}

async function signInWithKeyboard(page: Page, email: string, password: string) {
  const emailField = page.getByLabel('Email');
  await tabTo(page, emailField);
  await page.keyboard.type(email);
  const passwordField = page.getByLabel('Password', { exact: true });
  await tabTo(page, passwordField, 4);
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

let organizationId = '';
let profileId = '';
let locationId = '';
let reportId = '';

/**
 * The invitation form of the organization: on its Members tab when it has one, on the page itself
 * otherwise; in a dialog behind an Invite button, or open on the page.
 */
async function openInviteForm(page: Page) {
  await page.goto(`/admin/organizations/${organizationId}?tab=members`);
  const form = page.getByRole('form', { name: 'Invite a person' });
  await expect(form).toBeVisible();
  return form;
}

test.beforeAll(async ({ request }) => {
  // The data the console's pages show, made as staff would through the API; the invitation is
  // made in the browser, in the walk.
  const post = await apiAs(request, WALK_EMAIL, WALK_PASSWORD);
  const organization = await post<{ _id: string }>('/admin/organizations/create', {
    name: ORGANIZATION,
    taxId: '123456789',
    duns: '123456789',
  });
  organizationId = organization._id;
  const profile = await post<{ _id: string }>('/admin/organization-profiles/create', {
    name: PROFILE,
    organizationId,
    participantTypes: ['producer'],
    participantTags: [{ tag: 'nat_gas_producer' }],
  });
  profileId = profile._id;
  // the seed's location body (#41 as staff), so the locations pages have a record to show
  const location = await post<{ _id: string }>('/admin/business-locations/create', {
    profileId,
    name: 'Location Name',
    type: 'buying',
    basin: 'Permian',
    isDirectConnection: false,
    preferredSuppliers: ['Antero'],
    coordinates: { latitude: 31.972096, longitude: -83.76064 },
    address: { country: 'US' },
  });
  locationId = location._id;
  // a retirement statement of the walk's profile (#44 with the template's example), for the
  // console's report pages and the profile's reports page; serials of the walk's own batch
  const templates = await request.get('/api/v1/admin/reports/templates', {
    headers: { authorization: (await bearer(request, WALK_EMAIL, WALK_PASSWORD)).authorization },
  });
  expect(templates.status()).toBe(200);
  const { items } = (await templates.json()) as {
    items: { name: string; example: Record<string, unknown> }[];
  };
  const example = JSON.stringify(items.find((t) => t.name === 'retirement')!.example);
  const batch = `PRV-202611-WALK${Date.now().toString(36).toUpperCase().slice(-6)}-1`;
  const data = JSON.parse(example.replace(/PRV-\d{6}-[A-Z0-9]+-\d+/g, batch)) as Record<string, unknown>;
  const report = await post<{ _id: string }>('/admin/reports/render', {
    template: 'retirement',
    data: {
      ...data,
      profileId,
      retiringOrganization: { name: ORGANIZATION, profileName: PROFILE },
    },
  });
  reportId = report._id;
});

// One test, so a page that fails its checks (soft) does not keep the walk from the pages after it.
test('the walk: sign-in, admin console, invitation, dashboard at 1440 and 390 px, keyboard, axe', async ({
  browser,
}) => {
  // about a minute on an idle machine; a loaded one (shared CI cores) takes a few times that
  test.setTimeout(360_000);
  const contextOptions = { baseURL: E2E_URL, viewport: WIDTHS[0], reducedMotion: 'reduce' } as const;
  const staff = await browser.newContext(contextOptions);
  const page = await staff.newPage();

  await test.step('signed out: the public verify page of a statement hash', async () => {
    await visit(page, `/verify/${'0'.repeat(64)}`, 'verify-statement');
    await expect(page.getByRole('heading', { level: 1, name: 'Not valid' })).toBeVisible();
    await expect(page.getByTestId('verify-hash')).toHaveText('0'.repeat(64));
  });

  await test.step('signed out: the sign-in page, the skip link, and a keyboard alone signs in', async () => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await checkPage(page, 'sign-in');
    await expectOneFocusStyle(page, 'sign-in');

    // A fresh load: the email field has the focus (sign-in-keyboard.spec.ts); going back with
    // Shift+Tab reaches the skip link within the header's few stops, and Enter moves to main.
    await page.goto('/sign-in');
    await settle(page);
    await expect(page.getByLabel('Email')).toBeFocused();
    const skip = page.getByRole('link', { name: 'Skip to content' });
    for (let stop = 0; stop < 4 && !(await skip.evaluate((e) => e === document.activeElement)); stop++)
      await page.keyboard.press('Shift+Tab');
    await expect(skip, 'sign-in: Shift+Tab from the email field reaches the skip link').toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    await signInWithKeyboard(page, WALK_EMAIL, WALK_PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: /^Hello, / })).toBeVisible();
  });

  await test.step('admin console: overview, users, a user, organizations, an organization and its tabs, a profile, audit log', async () => {
    await page.goto('/admin');
    await settle(page);
    await expectSkipLinkFirst(page, 'admin overview');
    await checkPage(page, 'admin-overview');
    await expectMenuItemRing(
      page,
      page.getByRole('complementary', { name: 'Sidebar' }).getByRole('button', { name: /^Account: / }),
    );

    await visit(page, '/admin/users', 'admin-users');
    const userLink = page.getByRole('main').getByRole('link', { name: WALK_EMAIL }).first();
    await expect(userLink).toBeVisible();
    const userHref = await userLink.getAttribute('href');
    expect(userHref).toMatch(/^\/admin\/users\/[0-9a-f-]{36}$/);
    await visit(page, userHref!, 'admin-user');

    await visit(page, '/admin/organizations', 'admin-organizations');
    await expect(page.getByRole('main').getByRole('link', { name: ORGANIZATION }).first()).toBeVisible();
    const organizationUrl = `/admin/organizations/${organizationId}`;
    await visit(page, organizationUrl, 'admin-organization');
    await expect(page.getByRole('heading', { level: 1, name: ORGANIZATION })).toBeVisible();
    await expectOneFocusStyle(page, 'admin-organization');
    // The record's sections in tabs, the chosen one in the address (?tab=): each is its own page.
    const tabs = page
      .getByRole('main')
      .getByRole('tablist', { name: 'Organization sections' })
      .getByRole('tab');
    await expect(tabs).toHaveText(['Overview', 'Profiles', 'Members', 'Activity', 'Settings']);
    for (const tab of ['profiles', 'members', 'activity', 'settings']) {
      await visit(page, `${organizationUrl}?tab=${tab}`, `admin-organization-${tab}`);
      // its Activity is the staff log of that organization alone, in the log's words
      if (tab === 'activity')
        await expect(page.getByRole('main').getByRole('table')).toContainText('Created the organization');
    }

    await visit(page, `/admin/profiles/${profileId}`, 'admin-profile');
    await expect(page.getByRole('heading', { level: 1, name: PROFILE })).toBeVisible();
    await visit(page, '/admin/profiles', 'admin-profiles');
    await visit(page, '/admin/locations', 'admin-locations');
    // other specs fill the shared database with locations: search for the walk's own
    await page.getByRole('main').getByPlaceholder('Name or code').fill('Location Name');
    await expect(page.getByRole('main').getByRole('link', { name: 'Location Name' }).first()).toBeVisible();
    await visit(page, `/admin/locations/${locationId}`, 'admin-location');
    await visit(page, '/admin/reports', 'admin-reports');
    await visit(page, `/admin/reports/${reportId}`, 'admin-report');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^RS-\d{4}-\d{6}$/);
    await visit(page, '/admin/reports/templates', 'admin-report-templates');
    await visit(page, '/admin/reports/new', 'admin-report-new');
    await visit(page, '/admin/audit', 'admin-audit');
    // the e2e server runs as development: the page explains the reset and offers no form
    await visit(page, '/admin/preproduction', 'admin-preproduction');
    await expect(page.getByRole('main')).toContainText(
      'This deployment is development: reset is only available in preproduction',
    );
    await expect(page.getByRole('main').getByRole('form')).toHaveCount(0);
    // every primitive of components/ui with sample data (development only, as the e2e server runs)
    await visit(page, '/dev/ui', 'design-system', { skeletons: true });
  });

  const invitee = await browser.newContext(contextOptions);
  const inviteePage = await invitee.newPage();

  await test.step('invitation: staff invite an organization administrator, who accepts from the email', async () => {
    const form = await openInviteForm(page);
    await form.getByLabel('Email', { exact: true }).fill(INVITEE.email);
    await form.getByLabel('First name').fill(INVITEE.firstName);
    await form.getByLabel('Last name').fill(INVITEE.lastName);
    // the role is chosen at invite time: one organization role
    await form.getByRole('radio', { name: /^Administrator of the organization/ }).check();
    await checkPage(page, 'admin-invite');
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByText(`Emailed to ${INVITEE.email}.`).first()).toBeVisible();

    const message = inviteePage.getByRole('article').filter({ hasText: `To ${INVITEE.email}` });
    await expect
      .poll(async () => {
        await inviteePage.goto('/dev/mailbox');
        return message.count();
      })
      .toBe(1);
    await message.getByRole('link', { name: /\/accept-invitation\?token=/ }).click();
    await expect(inviteePage).toHaveURL(/\/accept-invitation$/);
    await checkPage(inviteePage, 'accept-invitation');
    await inviteePage.getByLabel('Password', { exact: true }).fill(INVITEE_PASSWORD);
    await inviteePage.getByLabel('Confirm password').fill(INVITEE_PASSWORD);
    await inviteePage.getByRole('button', { name: `Join ${ORGANIZATION}` }).click();
    await expect(
      inviteePage.getByRole('heading', { level: 1, name: `Hello, ${INVITEE.firstName}` }),
    ).toBeVisible();
  });

  await test.step('dashboard: home, members, profiles, a profile and its API keys, activity, account, a missing page', async () => {
    const page = inviteePage;
    await page.goto('/');
    await settle(page);
    await expectSkipLinkFirst(page, 'dashboard home');
    await checkPage(page, 'dashboard-home');
    // the phone's menu: the sidebar in a drawer
    await page.setViewportSize(WIDTHS[1]);
    await page.getByRole('button', { name: 'Open menu' }).click();
    await expect(page.getByRole('dialog', { name: 'Menu' })).toBeVisible();
    await checkPage(page, 'dashboard-menu', { widths: [WIDTHS[1]] });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Menu' })).toHaveCount(0);
    await visit(page, '/members', 'dashboard-members');
    await expect(page.getByRole('main')).toContainText(INVITEE.email);
    await visit(page, '/profiles', 'dashboard-profiles');
    await visit(page, `/profiles/${profileId}`, 'dashboard-profile');
    await expect(page.getByRole('heading', { level: 1, name: PROFILE })).toBeVisible();
    await visit(page, `/profiles/${profileId}/api-keys`, 'dashboard-profile-api-keys');
    await expect(page.getByText('No API keys yet')).toBeVisible();
    await visit(page, `/profiles/${profileId}/locations`, 'dashboard-locations');
    await expect(page.getByTestId('map-summary')).toContainText('1 location on the map');
    await visit(page, `/profiles/${profileId}/locations/new`, 'dashboard-location-new');
    await visit(page, `/profiles/${profileId}/locations/${locationId}`, 'dashboard-location');
    await expect(page.getByRole('form', { name: 'Edit Location Name' })).toBeVisible();
    await visit(page, `/profiles/${profileId}/reports`, 'dashboard-reports');
    await expect(page.getByRole('main').getByRole('table')).toContainText(/RS-\d{4}-\d{6}/);
    await visit(page, '/activity', 'dashboard-activity');
    await visit(page, '/account', 'dashboard-account');
    await page.goto('/does-not-exist');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await checkPage(page, 'not-found');
  });

  await invitee.close();
  await staff.close();
});
