import { defineConfig } from '@playwright/test';
import { generateProjects } from '@backstage/e2e-test-utils/playwright';

/**
 * End-to-end tests: every package with an `e2e-tests` folder, run in Debian's
 * Chromium (never a browser Playwright downloads) against the portal started
 * by `yarn start` on a throwaway SQLite directory.
 */
const chromium = process.env.ONRAMP_CHROMIUM ?? '/usr/bin/chromium';
const e2eData = process.env.ONRAMP_E2E_DATA ?? 'data/e2e';

export default defineConfig({
  // The portal runs from webpack's dev server, where every full page load
  // parses the unminified bundle (about 5 s on a 2-core machine); flows that
  // switch users reload several times.
  timeout: 180_000,
  expect: { timeout: 30_000 },

  webServer: [
    {
      // The backend runs in packages/backend, so the directory is relative to it.
      command: `APP_CONFIG_backend_database_connection_directory=../../${e2eData}/sqlite yarn start`,
      url: 'http://localhost:3000',
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],

  // Waits for the backend too: the app's dev server answers first.
  globalSetup: './e2e-global-setup.ts',

  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,

  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],

  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    actionTimeout: 15_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: chromium,
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

  outputDir: 'node_modules/.cache/e2e-test-results',

  projects: generateProjects().map(project => ({
    name: project.name,
    testDir: project.testDir,
  })),
});
