import { defineConfig, devices } from '@playwright/test';
import { buildNeeded } from './e2e/build';
import { ADMIN_EMAIL, ADMIN_PASSWORD, E2E_PORT, E2E_URL } from './e2e/settings';

/**
 * End-to-end tests in the system's Debian Chromium (Playwright's own browsers cannot be downloaded
 * here). The app runs its production build (e2e/serve.ts; it builds first when `.next/` is missing
 * or stale) on its own port with a fresh database each run. Nothing compiles on a first visit, so
 * the timeouts are those of a running server; a spec's own waits (a TOTP step, the mailbox job) fit.
 */
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  // Each spec is one long journey (the TOTP one waits up to 30 s for a fresh step).
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    baseURL: E2E_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    navigationTimeout: 15_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } },
  ],
  webServer: {
    command: 'npx tsx e2e/serve.ts',
    url: `${E2E_URL}/api/health`,
    // Starting a built server takes seconds; a missing or stale build is built first.
    timeout: buildNeeded() ? 600_000 : 60_000,
    // A server left from another run would have another database: always start our own.
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      APP_URL: E2E_URL,
      APP_ENV: 'development',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      SMTP_URL: '',
      DATABASE_URL: '',
      REDIS_URL: '',
    },
  },
});
