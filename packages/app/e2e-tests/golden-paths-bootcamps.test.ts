import { expect } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { bearerOf, reloadUntil } from './pathEdits';
import { otherPeople, screenshot, signInAsDemoUser, test } from './support';

const pathId = 'machine-learning-day-1';
const LUCIA = 'user:default/lucia.rossi';

/** A person signed in in a browser context of their own. */
const personPage = otherPeople();

/**
 * Bootcamps and managers: Amara (a cohort manager in the demo) creates a
 * bootcamp from the Machine Learning group, sees its board and nudges Lucia
 * (a second nudge the same day is refused); Lucia reads the nudge and sees
 * the bootcamp on her path; Samuel may not open bootcamps (403); Aisha, the
 * group's manager (onramp.dev/manager in examples/org.yaml), sees her team's
 * onboarding and assigns Lucia a path.
 */
test('a bootcamp with its board and nudges, and a manager assigning a path', async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  await signInAsDemoUser(page, 'Amara Okafor');
  await page.goto('/golden-paths');
  await page.getByRole('button', { name: 'Bootcamps' }).click();
  await expect(page.getByRole('heading', { name: 'Bootcamps' })).toBeVisible();
  // The demo bootcamp, seeded once the demo paths are in the catalog.
  await reloadUntil(page, () =>
    expect(
      page.getByRole('link', { name: 'Client Bootcamp 2026' }),
    ).toBeVisible({ timeout: 3_000 }),
  );

  const form = page.getByRole('form', { name: 'New bootcamp' });
  await form.getByRole('textbox', { name: 'Title' }).fill('ML Bootcamp');
  await form.getByRole('button', { name: /^Path/ }).click();
  await page.getByRole('option', { name: /Machine Learning/ }).click();
  await page.getByLabel('Start date').fill('2026-12-01');
  await page.getByLabel('End date').fill('2026-11-01');
  await page.getByRole('button', { name: 'Create bootcamp' }).click();
  // The API's own schema, checked in the form.
  await expect(
    page.getByText('The end date is before the start date'),
  ).toBeVisible();
  await page.getByLabel('End date').fill('2026-12-19');
  await form.getByRole('button', { name: /^Group/ }).click();
  await page.getByRole('option', { name: 'Machine Learning' }).click();
  await page.getByRole('button', { name: 'Create bootcamp' }).click();

  // The board: one row per member of the group.
  await expect(
    page.getByRole('heading', { name: 'ML Bootcamp' }),
  ).toBeVisible();
  await expect(page.getByText('Progress board (6 members)')).toBeVisible();
  await expect(
    page.getByRole('cell', { name: 'lucia.rossi', exact: true }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Nudge lucia.rossi' }).click();
  await expect(page.getByText('Nudged lucia.rossi')).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Nudged today: lucia.rossi' }),
  ).toBeDisabled();
  await screenshot(page, 'golden-paths-bootcamps');
  // Backstage's Table headers: see day1-local-changes.test.ts.
  await expectNoSeriousA11yViolations(page, {
    include: 'main',
    exclude: ['thead'],
  });
  const again = await page.request.post(
    '/api/golden-paths/cohorts/ml-bootcamp/nudges',
    {
      headers: { authorization: await bearerOf(page) },
      data: { userEntityRef: LUCIA },
    },
  );
  expect(again.status()).toBe(409);
  expect((await again.json()).error.message).toBe(
    `${LUCIA} was already nudged today; one nudge a day is enough, try again tomorrow`,
  );

  // Someone without the permission: a clear sentence, and 403 from the API.
  const samuel = await personPage(browser, 'Samuel Adeyemi');
  await samuel.goto('/golden-paths');
  await expect(
    samuel.getByRole('button', { name: "My team's onboarding" }),
  ).toBeVisible();
  await expect(samuel.getByRole('button', { name: 'Bootcamps' })).toHaveCount(
    0,
  );
  await samuel.goto('/golden-paths/bootcamps/ml-bootcamp');
  await expect(
    samuel.getByText('Bootcamps are for cohort managers'),
  ).toBeVisible();
  const forbidden = await samuel.request.post(
    '/api/golden-paths/cohorts/ml-bootcamp/nudges',
    {
      headers: { authorization: await bearerOf(samuel) },
      data: { userEntityRef: 'user:default/noah.kim' },
    },
  );
  expect(forbidden.status()).toBe(403);

  // Lucia: the nudge in her notifications, the bootcamp on her path.
  const lucia = await personPage(browser, 'Lucia Rossi');
  await lucia.goto('/notifications');
  await expect(
    lucia.getByText('A nudge from your bootcamp ML Bootcamp'),
  ).toBeVisible();
  await lucia.goto(`/golden-paths/${pathId}`);
  await expect(
    lucia.getByText('Bootcamp: ML Bootcamp (2026-12-01 – 2026-12-19)'),
  ).toBeVisible();
  // She lets her managers see her Skill Exchange activity.
  await lucia.goto('/golden-paths');
  const share = lucia.getByRole('checkbox', {
    name: 'Let my managers see my Skill Exchange activity',
  });
  await share.click();
  await expect(share).toBeChecked();

  // Aisha manages the Machine Learning group: her team, and a path for Lucia.
  const aisha = await personPage(browser, 'Aisha Bello');
  await aisha.getByRole('link', { name: 'My team', exact: true }).click();
  await expect(
    aisha.getByRole('heading', { name: "My team's onboarding" }),
  ).toBeVisible();
  const luciaCard = aisha.getByRole('region', { name: 'Lucia Rossi' });
  await expect(luciaCard).toBeVisible();
  await expect(
    luciaCard.getByRole('link', {
      name: 'Skill Exchange profile and activity',
    }),
  ).toBeVisible();
  // Data Engineering, not Machine Learning: the gates flow (after this one,
  // on the same portal) has Lucia start the Machine Learning path herself.
  await luciaCard.getByRole('button', { name: /Path for Lucia Rossi/ }).click();
  await aisha.getByRole('option', { name: /Data Engineering/ }).click();
  await luciaCard.getByRole('button', { name: 'Assign path' }).click();
  await expect(luciaCard.getByText(/steps done/)).toBeVisible();
  await screenshot(aisha, 'golden-paths-team');
  await expectNoSeriousA11yViolations(aisha, { include: 'main' });

  // Samuel is not Lucia's manager: 403, and she has one journey still.
  const notManager = await samuel.request.post(
    '/api/golden-paths/team/onboarding/assignments',
    {
      headers: { authorization: await bearerOf(samuel) },
      data: { userEntityRef: LUCIA, pathId: 'backend-day-1' },
    },
  );
  expect(notManager.status()).toBe(403);
  await lucia.goto('/golden-paths');
  await expect(lucia.getByRole('button', { name: 'Continue' })).toHaveCount(1);
});
