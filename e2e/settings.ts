/** What the e2e server is started with and the tests sign in with (playwright.config.ts passes it on). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_URL = `http://127.0.0.1:${E2E_PORT}`;
export const ADMIN_EMAIL = 'admin@provena.test';
export const ADMIN_PASSWORD = 'Initial-Admin-Secret-2024';
/** Screenshots of every page the journey passes, to look at after a run. */
export const SHOTS_DIR = process.env.SHOTS_DIR ?? 'test-results/screenshots';
