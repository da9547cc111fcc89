import { defineConfig, devices } from '@playwright/test';
import { ADMIN_EMAIL, ADMIN_PASSWORD, E2E_PORT, E2E_URL } from './e2e/settings';

/**
 * End-to-end tests in the system's Debian Chromium (Playwright's own browsers cannot be downloaded
 * here). The app runs in dev mode on its own port with a fresh database each run.
 */
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/warm-up.ts',
  // The dev server compiles each page on its first visit: allow for it.
  timeout: 240_000,
  expect: { timeout: 20_000 },
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
    navigationTimeout: 60_000,
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
    timeout: 180_000,
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
