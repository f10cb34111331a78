import { defineConfig } from '@playwright/test';
import { generateProjects } from '@backstage/e2e-test-utils/playwright';
import { e2ePortals } from './packages/app/e2e-tests/portals';

/**
 * End-to-end tests: every package with an `e2e-tests` folder, run in Debian's
 * Chromium (never a browser Playwright downloads) against the production build
 * of the app served by the backend on one port (scripts/e2e-portal.sh,
 * app-config.e2e.yaml), on throwaway SQLite directories. On SQLite two such
 * portals run side by side, one Playwright worker each (e2e-tests/portals.ts;
 * a flow's file runs whole on one portal). With ONRAMP_E2E_DB=pg one portal
 * runs on fresh PostgreSQL databases and only the flows tagged @smoke run
 * (scripts/test.sh does both).
 */
const chromium = process.env.ONRAMP_CHROMIUM ?? '/usr/bin/chromium';
const onPostgres = process.env.ONRAMP_E2E_DB === 'pg';
const portals = e2ePortals();

export default defineConfig({
  // Measured on the 2-core machine with other work on it (load 3 to 14): the
  // flows take 11 to 43 s each (the dev server needed up to 180 s), the Day-1
  // template run up to 50 s (it sets its own 120 s).
  timeout: 90_000,
  expect: { timeout: 15_000 },

  webServer: portals.map(portal => ({
    command: './scripts/e2e-portal.sh',
    env: {
      ONRAMP_E2E_PORT: String(portal.port),
      ONRAMP_E2E_DIR: portal.dir,
      ONRAMP_E2E_PORTAL_INDEX: String(portal.index),
      ONRAMP_E2E_RUNTIME_PORTS_FROM: String(portal.runtimePorts.from),
      ONRAMP_E2E_RUNTIME_PORTS_TO: String(portal.runtimePorts.to),
    },
    // The backend's own readiness: it answers once every plugin started.
    url: `${portal.baseURL}/.backstage/health/v1/readiness`,
    // Never run the flows against some other portal on the same port.
    reuseExistingServer: false,
    // A first run builds the app (several minutes on 2 cores).
    timeout: 600_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })),

  grep: onPostgres ? /@smoke/ : undefined,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // One worker per portal: the worker with parallelIndex i uses portal i
  // (e2e-tests/support.ts sets its baseURL and data directory).
  workers: portals.length,

  reporter: [
    ['list'],
    // scripts/test.sh reads this to print the five slowest tests.
    ...(process.env.ONRAMP_E2E_JSON
      ? [['json', { outputFile: process.env.ONRAMP_E2E_JSON }] as const]
      : []),
    [
      'html',
      {
        open: 'never',
        outputFolder: onPostgres ? 'e2e-test-report/pg' : 'e2e-test-report',
      },
    ],
  ],

  use: {
    actionTimeout: 15_000,
    screenshot: 'only-on-failure',
    // Recording a trace of every flow made them about 22% slower (gates
    // 66 -> 52 s, admin 50 -> 39 s, measured 2026-12-07): a flow that fails
    // is recorded on its retry (CI), or with `--trace retain-on-failure`.
    trace: 'on-first-retry',
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

  outputDir: `node_modules/.cache/e2e-test-results/${
    onPostgres ? 'pg' : 'sqlite'
  }`,

  projects: generateProjects().map(project => ({
    name: project.name,
    testDir: project.testDir,
  })),
});
