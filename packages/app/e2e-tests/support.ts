import {
  Browser,
  BrowserContext,
  expect,
  Page,
  test as base,
} from '@playwright/test';
import path from 'node:path';
import { e2ePortals, Portal } from './portals';

const portals = e2ePortals();

/**
 * Playwright's `test`, on this worker's portal (portals.ts): the worker with
 * parallelIndex i opens pages and makes requests on portal i. Every flow
 * imports `test` from here.
 */
export const test = base.extend<{}, { portal: Portal }>({
  portal: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, provide, workerInfo) => {
      const portal = portals[workerInfo.parallelIndex];
      if (!portal) {
        throw new Error(
          `No portal for worker ${workerInfo.parallelIndex} of ${portals.length}: run with at most ONRAMP_E2E_PORTALS workers`,
        );
      }
      await provide(portal);
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ portal }, provide) => provide(portal.baseURL),
});

/** The portal of the running flow's worker. */
function currentPortal(): Portal {
  return portals[test.info().parallelIndex];
}

/**
 * Where a flow's screenshots go: the README's pictures in docs/screenshots
 * from the SQLite run, and a cache folder from the PostgreSQL smoke run, so
 * one run never overwrites the other's.
 */
const screenshots =
  process.env.ONRAMP_E2E_DB === 'pg'
    ? path.resolve(
        __dirname,
        '../../../node_modules/.cache/e2e-test-results/pg-screenshots',
      )
    : path.resolve(__dirname, '../../../docs/screenshots');

/**
 * The running flow's portal's git root (app-config.e2e.yaml:
 * ONRAMP_E2E_DIR/git): the bare repositories the Day-1 templates publish,
 * `<name>.git`.
 */
export function e2eGitRoot() {
  return path.join(currentPortal().dir, 'git');
}

/**
 * The copy of examples/golden-paths the running flow's portal's catalog reads
 * (scripts/e2e-portal.sh makes it, ONRAMP_GOLDEN_PATHS_DIR): flows may edit it.
 */
export function e2eGoldenPathsDir() {
  return path.join(currentPortal().dir, 'golden-paths');
}

export function screenshot(page: Page, name: string) {
  return page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}

/**
 * The flows that also run on PostgreSQL (ONRAMP_E2E_DB=pg): sign in, post an
 * embed, join a hack as another person, the Day-1 template to its evidence,
 * a skill profile edit.
 */
export const smoke = { tag: '@smoke' };

/**
 * From a golden path's page: "Run template", then the Day-1 form's first page
 * filled in with `service`, owned by the `owner` group (unless told, the
 * Backend template owned by the backend group).
 */
export async function fillDay1Form(
  page: Page,
  service: string,
  template = {
    heading: 'Day 1: create and ship a backend service',
    owner: 'backend',
  },
) {
  await page.getByRole('button', { name: 'Run template' }).click();
  await expect(
    page.getByRole('heading', { name: template.heading }),
  ).toBeVisible();
  await page.getByLabel('Name').fill(service);
  await page.getByRole('textbox', { name: 'Owner' }).click();
  await page.getByRole('textbox', { name: 'Owner' }).fill(template.owner);
  await page
    .getByRole('option', { name: new RegExp(template.owner, 'i') })
    .first()
    .click();
}

/**
 * Signs in on the sign-in page as one of the demo users (by display name).
 * A flow run alone can come before the catalog has read examples/org.yaml:
 * the sign-in then fails ("Could not sign in", 404) and is tried again.
 */
export async function signInAsDemoUser(page: Page, displayName: string) {
  await expect(async () => {
    await page.goto('/');
    // A try whose sign-in went through after its check gave up (a slow
    // first load) leaves the person signed in: then there is no sign-in page.
    const signedIn = page.getByRole('link', { name: 'Golden Paths' });
    await expect(signedIn.or(page.getByLabel('Demo user'))).toBeVisible({
      timeout: 15_000,
    });
    if (await signedIn.isVisible()) return;
    await page.getByLabel('Demo user').click();
    await page.getByRole('option', { name: displayName }).click();
    await page
      .getByRole('button', { name: `Sign in as ${displayName}` })
      .click();
    await expect(page.getByRole('link', { name: 'Golden Paths' })).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 60_000 });
}

/**
 * Other people in a flow, each signed in in a browser context of their own;
 * the contexts close after each test of the file that calls this.
 */
export function otherPeople() {
  const contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    await Promise.all(contexts.splice(0).map(context => context.close()));
  });
  return async (browser: Browser, name: string): Promise<Page> => {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
    });
    contexts.push(context);
    const page = await context.newPage();
    await signInAsDemoUser(page, name);
    return page;
  };
}
