import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { SHOTS_DIR } from './settings';

/** A screenshot into SHOTS_DIR (the whole page unless `fullPage: false`), named by the step that took it. */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  mkdirSync(SHOTS_DIR, { recursive: true });
  // Let the page settle (hydrated, queries answered) so the picture shows what a person sees;
  // caret 'initial' keeps Playwright from styling inputs React is about to hydrate, and no `style`
  // option: Playwright would inject a <style> element, which the production CSP refuses (and the
  // specs count as a violation).
  await page.waitForLoadState('networkidle');
  await page.screenshot({
    path: path.join(SHOTS_DIR, `${name}.png`),
    fullPage: options.fullPage ?? true,
    caret: 'initial',
  });
}

/** The code an authenticator app would show `offsetSeconds` from now. */
export const totpCode = (secret: string, offsetSeconds = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

export const totpStep = (offsetSeconds = 0) => Math.floor((Date.now() / 1000 + offsetSeconds) / 30);

/** A code of a step later than `usedStep` (the server refuses a step already used), waiting for one if need be. */
export async function totpCodeAfter(secret: string, usedStep: number) {
  while (totpStep(30) <= usedStep) await new Promise((resolve) => setTimeout(resolve, 1000));
  return totpCode(secret, totpStep() > usedStep ? 0 : 30);
}

/** A well-formed code that is none of those the server would accept now (±1 step of drift). */
export async function wrongTotpCode(secret: string) {
  const valid = new Set(await Promise.all([-30, 0, 30, 60].map((offset) => totpCode(secret, offset))));
  return ['000000', '111111', '222222'].find((code) => !valid.has(code))!;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The app shell's sidebar (a desktop viewport): organization switcher, areas, account menu. */
export const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Sidebar' });

/** Opens the account menu at the sidebar's bottom and follows one of its items. */
export async function fromAccountMenu(page: Page, item: 'Account' | 'Sign out') {
  await sidebar(page)
    .getByRole('button', { name: /^Account: / })
    .click();
  await page.getByRole('menuitem', { name: item }).click();
}

export async function signOutFromMenu(page: Page) {
  await fromAccountMenu(page, 'Sign out');
  await expect(page).toHaveURL(/\/sign-in$/);
}

/**
 * The newest message of the dev mailbox whose subject matches. Mail is written by a background job
 * a moment after the request, so the mailbox is reloaded until it shows up.
 */
export async function readMailbox(page: Page, subject: RegExp) {
  const mailbox = await page.context().newPage();
  const message = mailbox.getByRole('article', { name: subject }).first();
  await expect
    .poll(async () => {
      await mailbox.goto('/dev/mailbox');
      return message.count();
    })
    .toBeGreaterThan(0);
  const text = {
    subject: ((await message.getByRole('heading').textContent()) ?? '').trim(),
    body: (await message.textContent()) ?? '',
  };
  return { mailbox, ...text };
}
