import { expect, Page } from '@playwright/test';
import path from 'node:path';

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
 * filled in with `service`, owned by the backend group.
 */
export async function fillDay1Form(page: Page, service: string) {
  await page.getByRole('button', { name: 'Run template' }).click();
  await expect(
    page.getByRole('heading', {
      name: 'Day 1: create and ship a backend service',
    }),
  ).toBeVisible();
  await page.getByLabel('Name').fill(service);
  await page.getByRole('textbox', { name: 'Owner' }).click();
  await page.getByRole('textbox', { name: 'Owner' }).fill('backend');
  await page
    .getByRole('option', { name: /backend/i })
    .first()
    .click();
}
