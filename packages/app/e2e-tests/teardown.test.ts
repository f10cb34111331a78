import { expect } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { fillDay1Form, signInAsDemoUser, test } from './support';

/**
 * A practice run, end to end through the real portal: a new user runs the
 * Day-1 template from the Backend path page, opens the Service URL and sees
 * the service's own answer (the local runtime, this machine), then tears the
 * run down from the service's catalog page: the confirm dialog lists what
 * goes, the teardown task says what it removed, and the service no longer
 * answers.
 */
test('a practice run: run the template, open the service, tear it down from its page', async ({
  page,
}) => {
  // The template run and the teardown each run real git and a real process.
  test.setTimeout(180_000);
  // A Backend engineer no other flow signs in as: the guest finished the
  // Backend path in the Day-1 flow already.
  await signInAsDemoUser(page, 'Tomas Novak');
  await page.getByRole('link', { name: 'Golden Paths' }).click();
  await page
    .locator('[class*="MuiCard-root"]')
    .filter({
      has: page.getByRole('heading', { name: 'Backend', exact: true }),
    })
    .getByRole('button', { name: /Choose|Continue/ })
    .click();
  await expect(
    page.getByRole('heading', { name: 'Backend golden path' }),
  ).toBeVisible();
  const service = `day1-td-${Date.now().toString(36)}`;
  await fillDay1Form(page, service);
  await expect(page.getByLabel('Is this a practice run?')).toBeChecked();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  // The output links appear when the run completed; the first one counts
  // the journey's steps after the run's evidence.
  await expect(
    page.getByRole('link', { name: /Back to your Backend path: \d of 5 done/ }),
  ).toBeVisible({ timeout: 120_000 });

  // The Service URL answers with the service's own message.
  const serviceUrl = await page
    .getByRole('link', { name: 'Service URL' })
    .getAttribute('href');
  expect(serviceUrl).toMatch(
    new RegExp(`^http://${service}\\.localhost:\\d+/$`),
  );
  const taskPage = page.url();
  await page.goto(serviceUrl!);
  await expect(page.getByText(`Hello from ${service}`)).toBeVisible();
  await page.goto(taskPage);

  // Its catalog page shows the Runtime card: running, with a link that
  // opens the service.
  await page.goto(`/catalog/default/component/${service}`);
  const runtime = page.locator('[class*="MuiCard-root"]').filter({
    has: page.getByRole('button', { name: 'Refresh the runtime' }),
  });
  await expect(runtime.getByText('local runtime (this machine)')).toBeVisible();
  await expect(runtime.getByText('running', { exact: true })).toBeVisible();
  await expect(
    runtime.getByRole('link', { name: /^Open service/ }),
  ).toHaveAttribute('href', serviceUrl!);

  // Tear it down from its catalog page.
  await page.getByRole('button', { name: /more/i }).first().click();
  await page.getByRole('menuitem', { name: /Tear down/ }).click();
  const dialog = page.getByRole('dialog', { name: `Tear down ${service}?` });
  await expect(dialog).toBeVisible();
  await expect(
    dialog.getByText(`the repository ${service}`, { exact: true }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' });
  await dialog.getByRole('button', { name: 'Tear down' }).click();
  await expect(page).toHaveURL(/\/create\/tasks\//);
  await expect(
    page.getByText(new RegExp(`Removed: .*repository ${service}`)),
  ).toBeVisible({ timeout: 90_000 });

  // The service no longer answers.
  const after = await page.request.get(serviceUrl!, { timeout: 5_000 }).then(
    r => r.status(),
    () => 'refused',
  );
  expect(after).toBe('refused');
});
