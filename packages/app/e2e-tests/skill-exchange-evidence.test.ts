import { expect } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { otherPeople, screenshot, signInAsDemoUser, test } from './support';

const personPage = otherPeople();

/**
 * Skills backed by evidence: Léo Martin (a demo newcomer whose Day-1
 * service, examples/entities.yaml, is in Kotlin) has merged pull requests in
 * Golden Paths' demo history. His profile suggests Kotlin; he accepts it at
 * a level and the skill shows what backs it. Sofia sees the skill on his
 * profile but not the evidence, until Léo turns sharing on.
 */
test('a suggested skill from merged pull requests, accepted; others see its evidence only once shared', async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  await signInAsDemoUser(page, 'Leo Martin');
  await page.goto('/skill-exchange/profile');
  const card = page.getByRole('list', { name: 'Suggested skills' });
  // The hourly refresh may not have run yet: look now.
  await expect(async () => {
    await page.getByRole('button', { name: 'Look for new evidence' }).click();
    await expect(
      card.getByRole('button', { name: 'Accept Kotlin' }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(
    card.getByText(/merged pull requests? in 1 Kotlin repository, latest/),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, { include: 'main' });

  await card.getByRole('button', { name: /Level/ }).click();
  await page.getByRole('option', { name: '3 · Practitioner' }).click();
  await card.getByRole('button', { name: 'Accept Kotlin' }).click();
  const levels = page.getByRole('table', { name: 'Skill levels' });
  await expect(
    levels.getByRole('row', { name: /Kotlin\s+3 · Practitioner/ }),
  ).toBeVisible();
  await expect(levels.getByText(/^\d+ PRs?$/)).toBeVisible();
  await expect(
    card.getByRole('button', { name: 'Accept Kotlin' }),
  ).not.toBeVisible();
  // Accepting scrolled the page's content down to the card: the picture
  // shows the profile from its top, with the new level.
  await page.evaluate(() =>
    document.querySelectorAll('*').forEach(element => {
      if (element.scrollTop > 0) element.scrollTop = 0;
    }),
  );
  await screenshot(page, 'skill-exchange-evidence');

  const sofia = await personPage(browser, 'Sofia Marquez');
  await sofia.goto('/skill-exchange/profiles/user%3Adefault%2Fleo.martin');
  const seen = sofia.getByRole('table', { name: 'Skill levels' });
  await expect(seen.getByRole('row', { name: /Kotlin/ })).toBeVisible();
  await expect(seen.getByText(/PRs?$/)).not.toBeVisible();
  await expect(sofia.getByText('Suggested skills')).not.toBeVisible();

  await page.getByRole('button', { name: 'Edit profile' }).click();
  await page.getByLabel(/Show others the evidence behind my skills/).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(
    page.getByRole('button', { name: 'Edit profile' }),
  ).toBeVisible();

  await sofia.reload();
  await expect(seen.getByText(/^\d+ PRs?$/)).toBeVisible();
  await expectNoSeriousA11yViolations(sofia, { include: 'main' });

  await sofia.goto(
    '/skill-exchange/people?skills=Kotlin&minLevel=1&rank=evidence',
  );
  await expect(
    sofia.getByText(/merged PRs? in Kotlin repositories/),
  ).toBeVisible();
  // The reasons (the People tab's form labels and the table's sort headers
  // have contrast and nesting findings of their own, outside this flow).
  await expectNoSeriousA11yViolations(sofia, { include: 'main table tbody' });
});
