import { expect, Page } from '@playwright/test';
import fs from 'node:fs/promises';
import { expectNoSeriousA11yViolations } from './a11y';
import { otherPeople, screenshot, signInAsDemoUser, test } from './support';

const personPage = otherPeople();

async function pickSkill(page: Page, label: string, skill: string) {
  await page.getByLabel(label).fill(skill.slice(0, 4));
  await page.getByRole('option', { name: skill, exact: true }).click();
}

/**
 * A pairing session booked by two people: Amara offers an hour of Kotlin
 * at two times, from the Pairing tab's form; Lucia finds it on the tab and
 * books the second slot. Both see it booked; Lucia's notification links to
 * the post, and "Add to calendar" downloads the iCalendar invite.
 */
test('pairing: offer two slots, another person books one, both see it and get the invite', async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const title = `Pair on Kotlin coroutines #${Date.now() % 100_000}`;
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);

  await signInAsDemoUser(page, 'Amara Okafor');
  await page.goto('/skill-exchange/pairings');
  await page.getByRole('button', { name: 'Create pairing post' }).click();
  await page.getByLabel('Title').fill(title);
  await page
    .getByLabel('Description (Markdown)')
    .fill('We turn one of your callbacks into a coroutine, together.');
  await pickSkill(page, 'Can offer help with', 'Kotlin');
  await page.getByLabel('Slot 1 starts').fill(`${day}T14:00`);
  await page.getByRole('button', { name: 'Add slot' }).click();
  await page.getByLabel('Slot 2 starts').fill(`${day}T16:00`);
  await expectNoSeriousA11yViolations(page, { include: 'main' });
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const postPath = new URL(page.url()).pathname;
  const slots = page.getByRole('list', { name: 'Slots' });
  await expect(slots.getByRole('listitem')).toHaveCount(2);
  // The owner books nothing.
  await expect(page.getByRole('button', { name: /^Book / })).toHaveCount(0);

  const lucia = await personPage(browser, 'Lucia Rossi');
  await lucia.goto('/skill-exchange/pairings');
  await lucia.getByLabel('Search pairings').fill(title);
  await lucia.getByLabel('Search pairings').press('Enter');
  await lucia.getByRole('link', { name: title }).click();
  await expect(lucia).toHaveURL(new RegExp(`${postPath}$`));
  await lucia.getByRole('button', { name: /^Book .* 16:00–17:00/ }).click();
  const booking = lucia.getByTestId('pairing-booking');
  await expect(booking).toContainText(
    /Booked by lucia\.rossi for .* 16:00–17:00/,
  );

  await page.reload();
  await expect(page.getByTestId('pairing-booking')).toContainText(
    /Booked by lucia\.rossi for .* 16:00–17:00/,
  );
  await expect(page.getByText('Filled', { exact: true })).toBeVisible();

  await lucia.goto('/notifications');
  await lucia.getByText('Pairing on Kotlin booked').first().click();
  await expect(lucia).toHaveURL(new RegExp(`${postPath}$`));

  const [download] = await Promise.all([
    lucia.waitForEvent('download'),
    lucia.getByRole('button', { name: 'Add to calendar' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^pairing-\d+\.ics$/);
  const ics = (await fs.readFile(await download.path(), 'utf8')).replace(
    /\r\n /g,
    '',
  );
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toContain('SUMMARY:Pairing: Kotlin with Amara Okafor');
  expect(ics).toContain(`${postPath}`);

  await expect(booking).toBeVisible();
  await expectNoSeriousA11yViolations(lucia, { include: 'main' });
  await screenshot(lucia, 'skill-exchange-pairing');
});
