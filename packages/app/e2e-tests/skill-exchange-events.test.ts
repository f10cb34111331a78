import { expect } from '@playwright/test';
import fs from 'node:fs/promises';
import { expectNoSeriousA11yViolations } from './a11y';
import { otherPeople, screenshot, signInAsDemoUser, test } from './support';

const personPage = otherPeople();

/** YYYY-MM-DD `n` days from today (UTC), as the date inputs take it. */
const inDays = (n: number) =>
  new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * A hack event from the portal: Amara (an admin) creates it on the Events
 * tab; Lucia (not an admin) sees no "Create event", adds her hack from the
 * event's page while registration is open and downloads the event's
 * iCalendar file; Amara moves the event to its results phase, which closes
 * registration.
 */
test('hack events: an admin creates one, a person adds a hack and its calendar, the admin moves it to results', async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const name = `Spring hack days ${Date.now() % 100_000}`;
  const hackTitle = `Faster playlists ${Date.now() % 100_000}`;

  await signInAsDemoUser(page, 'Amara Okafor');
  await page.goto('/skill-exchange/events');
  // The demo's events: the upcoming one first, the past one with results.
  const table = page.getByRole('table', { name: 'Hack events' });
  await expect(table.getByRole('link', { name: 'Hack Week #8' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Hack Week #7' })).toBeVisible();
  await page.getByRole('button', { name: 'Create event' }).click();
  const form = page.getByRole('form', { name: 'Create a hack event' });
  await form.getByLabel('Name').fill(name);
  await form
    .getByLabel('Description (Markdown)')
    .fill('Two days to make listening better. Demos on the last afternoon.');
  await form.getByLabel('First day').fill(inDays(20));
  await form.getByLabel('Last day').fill(inDays(22));
  // Closing after the last day is refused before anything is sent.
  await form.getByLabel('Registration closes').fill(inDays(23));
  await form.getByRole('button', { name: 'Create event' }).click();
  await expect(
    form.getByText('registration must close on or before the last day'),
  ).toBeVisible();
  await form.getByLabel('Registration closes').fill(inDays(21));
  await expectNoSeriousA11yViolations(page, { include: '[role="dialog"]' });
  await form.getByRole('button', { name: 'Create event' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  const eventPath = new URL(page.url()).pathname;
  expect(eventPath).toMatch(/\/skill-exchange\/events\/\d+$/);

  const lucia = await personPage(browser, 'Lucia Rossi');
  await lucia.goto('/skill-exchange/events');
  await expect(
    lucia.getByRole('table', { name: 'Hack events' }).getByRole('link', {
      name,
    }),
  ).toBeVisible();
  await expect(lucia.getByRole('button', { name: 'Create event' })).toHaveCount(
    0,
  );
  await expectNoSeriousA11yViolations(lucia, { include: 'main' });
  await screenshot(lucia, 'skill-exchange-events');

  await lucia.getByRole('link', { name }).click();
  await expect(lucia).toHaveURL(new RegExp(`${eventPath}$`));
  await expect(lucia.getByText('Organise')).toHaveCount(0);
  await lucia.getByRole('button', { name: 'Add a hack' }).click();
  await lucia.getByLabel('Title').fill(hackTitle);
  await lucia
    .getByLabel('Description (Markdown)')
    .fill('Cache the first page of every playlist.');
  await lucia.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(lucia.getByRole('heading', { name: hackTitle })).toBeVisible();

  await lucia.goto(eventPath);
  const hacks = lucia.getByRole('list', { name: `Hacks of ${name}` });
  await expect(hacks.getByRole('link', { name: hackTitle })).toBeVisible();
  const [download] = await Promise.all([
    lucia.waitForEvent('download'),
    lucia.getByRole('button', { name: 'Add to calendar' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^hack-event-\d+\.ics$/);
  const ics = (await fs.readFile(await download.path(), 'utf8')).replace(
    /\r\n /g,
    '',
  );
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toContain(`SUMMARY:${name}`);
  expect(ics).toContain(`DTSTART;VALUE=DATE:${inDays(20).replace(/-/g, '')}`);
  expect(ics).toContain(`DTEND;VALUE=DATE:${inDays(23).replace(/-/g, '')}`);
  expect(ics).toContain(`SUMMARY:Registration closes: ${name}`);
  expect(ics).toContain(eventPath);
  await expectNoSeriousA11yViolations(lucia, { include: 'main' });
  await screenshot(lucia, 'skill-exchange-event');

  await page.reload();
  await page.getByLabel('Phase').click();
  await page.getByRole('option', { name: 'Results' }).click();
  await expect(page.getByText('Phase: Results')).toBeVisible();
  await expect(
    page.getByText(/is showing its results; hacks can no longer join it/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a hack' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, { include: 'main' });
});
