import { expect } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { reloadUntil } from './pathEdits';
import { otherPeople, screenshot, test } from './support';

const personPage = otherPeople();

/**
 * Onboarding buddies: Sofia (the guest, a Backend newcomer) starts the
 * Backend path and gets a buddy suggested from the Skill Exchange: Lars,
 * whose profile has the Backend discipline and who can help with the path's
 * Kubernetes, with that reason. She confirms him. Lars signs in and finds
 * her, with her progress, under "Your onboarding buddies" on his home page
 * (next to the two newcomers the demo gives him).
 */
test('a newcomer confirms the suggested buddy; the buddy sees them on the home page', async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.goto('/golden-paths/backend-day-1');
  const start = page.getByRole('button', { name: 'Start this path' });
  const checklist = page.getByText(/of 5 steps done/);
  // A flow run alone can come before the catalog has read the paths.
  await reloadUntil(page, () =>
    expect(start.or(checklist).first()).toBeVisible({ timeout: 2_000 }),
  );
  if (await start.isVisible()) {
    await start.click();
  }
  await expect(checklist).toBeVisible();

  await expect(page.getByText('Suggested for you:')).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'lars.lindqvist' }).first(),
  ).toHaveAttribute(
    'href',
    '/skill-exchange/profiles/user%3Adefault%2Flars.lindqvist',
  );
  await expect(
    page.getByText('Backend, Expert; can help with Kubernetes (Advanced)'),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, { include: 'main' });
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('Your onboarding buddy:')).toBeVisible();
  await expect(
    page.getByText(/^Confirmed by sofia\.marquez on /),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Skill Exchange profile' }),
  ).toBeVisible();
  await page.getByText('Your buddy', { exact: true }).scrollIntoViewIfNeeded();
  await screenshot(page, 'golden-paths-buddies');
  await expectNoSeriousA11yViolations(page, { include: 'main' });

  const lars = await personPage(browser, 'Lars Lindqvist');
  await lars.goto('/');
  const people = lars.getByRole('list', { name: 'People you are buddy to' });
  await expect(
    people.getByRole('link', { name: 'sofia.marquez' }),
  ).toBeVisible();
  await expect(people.getByRole('link', { name: 'david.kim' })).toBeVisible();
  await expect(
    people.getByRole('listitem').filter({ hasText: 'sofia.marquez' }),
  ).toContainText(/on the Backend golden path.*(of 5 steps done|Finished)/);
  await people.scrollIntoViewIfNeeded();
  await screenshot(lars, 'golden-paths-buddies-home');
  // The home page has no <main>; Backstage's own Toolkit and Visited cards
  // put non-<li> elements in lists (see app.test.ts), so that rule is off.
  await expectNoSeriousA11yViolations(lars, { disableRules: ['list'] });

  // Sofia hears who her buddy is.
  await page.goto('/notifications');
  await expect(
    page.getByText('Your onboarding buddy is user:default/lars.lindqvist'),
  ).toBeVisible();
});
