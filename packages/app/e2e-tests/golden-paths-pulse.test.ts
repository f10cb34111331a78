import { expect } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { bearerOf } from './pathEdits';
import { otherPeople, screenshot, signInAsDemoUser, test } from './support';

const personPage = otherPeople();

/**
 * Pulse surveys: Sofia (start date 2026-11-05) is asked how onboarded and
 * how productive she feels on her latest pulse day (app-config.e2e.yaml asks
 * every 10 s, up to 30 days late); she answers from the notification and
 * changes her answer. Amara, a metrics viewer, sees the Pulse section of the
 * Insights page with the demo newcomers' answers, small groups hidden.
 */
test('a newcomer answers a pulse from its notification; a metrics viewer sees the Pulse section', async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  await signInAsDemoUser(page, 'Sofia Marquez');
  const notification = page.getByRole('link', {
    name: /^How are you doing\? Your day \d+ pulse$/,
  });
  await expect(async () => {
    await page.goto('/notifications');
    await expect(notification).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  const day = (await notification.textContent())!.match(/day (\d+)/)![1];
  await notification.click();
  await expect(page).toHaveURL(
    new RegExp(`/golden-paths\\?pulse=${day}#pulse$`),
  );

  const form = page.getByRole('form', { name: `Day ${day} pulse` });
  const onboarded = form.getByRole('radiogroup', {
    name: /How onboarded do you feel\?/,
  });
  const productive = form.getByRole('radiogroup', {
    name: /How productive do you feel\?/,
  });
  await onboarded.getByRole('radio', { name: '3', exact: true }).check();
  await productive.getByRole('radio', { name: '2', exact: true }).check();
  await form
    .getByRole('textbox', { name: 'Comment (optional)' })
    .fill('Still learning the deploy pipeline.');
  await expectNoSeriousA11yViolations(page, { include: 'main' });
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(form.getByText(/answered/)).toBeVisible();

  // She changes her mind: the saved answer is hers to change.
  await onboarded.getByRole('radio', { name: '4', exact: true }).check();
  await form.getByRole('button', { name: 'Save changes' }).click();
  await page.reload();
  await expect(
    onboarded.getByRole('radio', { name: '4', exact: true }),
  ).toBeChecked();
  await expect(
    productive.getByRole('radio', { name: '2', exact: true }),
  ).toBeChecked();
  await expect(
    form.getByRole('textbox', { name: 'Comment (optional)' }),
  ).toHaveValue('Still learning the deploy pipeline.');
  await screenshot(page, 'golden-paths-pulse');

  // Sofia is no metrics viewer: the insights are not hers to read.
  const denied = await page.request.get('/api/golden-paths/insights/pulse', {
    headers: { authorization: await bearerOf(page) },
  });
  expect(denied.status()).toBe(403);

  const amara = await personPage(browser, 'Amara Okafor');
  await amara.goto('/golden-paths/insights');
  const pulse = amara.getByRole('region', { name: 'Pulse' });
  await expect(
    pulse.getByRole('heading', { name: 'Pulse', exact: true }),
  ).toBeVisible();
  await expect(pulse.getByText('Pulse per day')).toBeVisible();
  await expect(pulse.getByRole('cell', { name: 'Day 7' })).toBeVisible();
  await expect(pulse.getByRole('cell', { name: 'Backend' })).toBeVisible();
  await expect(
    pulse.getByText(/groups? hidden \(fewer than 5 people/).first(),
  ).toBeVisible();
  await expect(
    pulse.getByRole('button', { name: 'Export pulse CSV' }),
  ).toBeVisible();
  // The page scrolls inside Backstage's content area: bring the section up.
  await pulse.evaluate(el => el.scrollIntoView({ block: 'start' }));
  // The other tables' sortable headers are axe's nested-interactive on every
  // Backstage table (see day1-local-changes.test.ts): headers left out.
  await expectNoSeriousA11yViolations(amara, {
    include: 'main',
    exclude: ['thead'],
  });
  await screenshot(amara, 'golden-paths-pulse-insights');
});
