import { defineConfig } from '@playwright/test';
import { E2E_ENV_FILE, E2E_ERP_PORT, E2E_PORT, E2E_SANDBOX_PORT } from './tests/e2e/support/ports';

/**
 * End-to-end tests drive Debian's Chromium (no browser downloads on these machines) against a production build
 * of the app served by `scripts/dev.ts --prod`, which also starts the seeded sandbox. E2E_REUSE_SERVER=1 runs
 * the specs against an app already listening on E2E_PORT (e.g. while developing).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `npx tsx scripts/dev.ts --prod --port ${E2E_PORT} --sandbox-port ${E2E_SANDBOX_PORT} --erp-port ${E2E_ERP_PORT} --write-env ${E2E_ENV_FILE}`,
    url: `http://127.0.0.1:${E2E_PORT}/`,
    timeout: 300_000,
    reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
