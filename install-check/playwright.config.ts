import { defineConfig } from '@playwright/test';

/**
 * The install check's browser run (scripts/install-check.mjs starts the
 * clean app and sets ONRAMP_INSTALL_URL): Debian's Chromium, never a browser
 * Playwright downloads.
 */
export default defineConfig({
  testDir: './e2e',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: process.env.ONRAMP_INSTALL_URL ?? 'http://localhost:7017',
    actionTimeout: 15_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env.ONRAMP_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  outputDir: '../node_modules/.cache/install-check/results',
});
