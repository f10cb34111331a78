/*
 * The Day-1 flow against a running app, in Debian's Chromium:
 * choose the Backend path, report the template's evidence as the scaffolder
 * action does (service token), see the step turn done without clicking,
 * reload and still see it done. Saves screenshots into ../docs.
 *
 * Needs a backend with a static service token, e.g.
 *   APP_CONFIG_backend_auth_externalAccess='[{"type":"static","options":{"token":"<token>","subject":"e2e"}}]'
 * Run:
 *   GP_APP_URL=http://localhost:3000 GP_BACKEND_URL=http://localhost:7007 \
 *   GP_SERVICE_TOKEN=<token> node plugins/golden-paths/e2e/day1-flow.js
 */
/* eslint-disable no-console */
const path = require('node:path');
const { chromium } = require('@playwright/test');

const app = process.env.GP_APP_URL ?? 'http://localhost:3000';
const backend = process.env.GP_BACKEND_URL ?? 'http://localhost:7007';
const token = process.env.GP_SERVICE_TOKEN;
const user = process.env.GP_USER ?? 'user:default/sofia.marquez';
const out = path.resolve(__dirname, '../docs');

async function main() {
  if (!token) {
    throw new Error(
      'Set GP_SERVICE_TOKEN to a static service token of the backend',
    );
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  await page.goto(`${app}/golden-paths`);
  const enter = page.getByRole('button', { name: /enter/i });
  await enter.waitFor({ timeout: 60000 });
  await enter.click();
  await page.getByText(/Get started at/).waitFor({ timeout: 60000 });
  await page.screenshot({ path: `${out}/golden-paths-overview.png` });

  const card = page.getByRole('article', { name: 'Backend' });
  await card.getByRole('button').click();
  await page.getByText('1. Set up your dev environment').waitFor();
  await page.screenshot({ path: `${out}/golden-paths-backend-path.png` });

  const evidenceId = `e2e-${Date.now()}`;
  const res = await fetch(`${backend}/api/golden-paths/evidence`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({
      userEntityRef: user,
      key: 'template.succeeded',
      evidenceId,
      taskId: evidenceId,
      templateRef: 'template:default/day-1-backend-service',
      summary: 'Created a service from the Day-1 template',
    }),
  });
  if (res.status !== 200) {
    throw new Error(`evidence: ${res.status} ${await res.text()}`);
  }
  const done = page.locator(
    '[data-testid="step-create-service"][data-status="completed"]',
  );
  await done.waitFor({ timeout: 20000 });
  console.log('create-service turned done without a click');
  await page.reload();
  await done.waitFor({ timeout: 30000 });
  console.log('and is still done after a reload');
  await page.screenshot({ path: `${out}/golden-paths-step-done.png` });

  await page.goto(app);
  await page.getByText('Your next step').first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}/home-next-step.png` });
  await browser.close();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
