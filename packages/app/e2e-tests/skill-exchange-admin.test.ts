import { expect, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { bearerOf } from './pathEdits';
import { otherPeople, screenshot, signInAsDemoUser, test } from './support';

const personPage = otherPeople();

/** Adds a skill to the taxonomy as the admin signed in on `page`. */
async function addSkill(page: Page, bearer: string, name: string) {
  const response = await page.request.post('/api/skill-exchange/skills', {
    headers: { authorization: bearer },
    data: { name, category: 'language', aliases: [] },
  });
  expect(response.status()).toBe(201);
}

/**
 * The Skill Exchange admin page (issue 13): Amara (an admin in the demo
 * policy) renames a skill and merges two through the Skills table; Sofia
 * reports Lucia's post; Amara hides it from the Moderation queue with a
 * note, and the post is gone from the Hacks list. Sofia, no admin, sees no
 * Admin button, and the admin URL tells her she may not.
 */
test('Skill Exchange admin: rename and merge skills, hide a reported post', async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const first = `Tabs ${stamp}`;
  const second = `Spaces ${stamp}`;

  await signInAsDemoUser(page, 'Amara Okafor');
  const bearer = await bearerOf(page);
  await addSkill(page, bearer, first);
  await addSkill(page, bearer, second);

  await page.goto('/skill-exchange');
  await page.getByRole('button', { name: 'Admin' }).click();
  await expect(page).toHaveURL(/\/skill-exchange\/admin$/);
  await page.getByRole('textbox', { name: 'Filter skills' }).fill(stamp);
  await page.getByRole('button', { name: `Edit ${first}` }).click();
  const name = page.getByLabel('Name');
  await name.fill(`Indentation ${stamp}`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(
    page.getByRole('cell', { name: `Indentation ${stamp}`, exact: true }),
  ).toBeVisible();
  await expect(page.getByText(`tabs ${stamp}`, { exact: true })).toBeVisible();

  await page.getByRole('button', { name: `Merge ${second}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Merge into').fill(`Indentation ${stamp}`);
  await page
    .getByRole('option', { name: `Indentation ${stamp}`, exact: true })
    .click();
  await expect(
    dialog.getByText(new RegExp(`move to Indentation ${stamp} in one step`)),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: `Merge ${second}` }),
  ).toHaveCount(0);
  await expect(
    page.getByText(`spaces ${stamp}`, { exact: true }),
  ).toBeVisible();
  await screenshot(page, 'skill-exchange-admin');
  await expectNoSeriousA11yViolations(page, { include: 'main' });

  // Sofia reports Lucia's post.
  const lucia = await personPage(browser, 'Lucia Rossi');
  const title = `Cheap sofa for sale ${stamp}`;
  const created = await lucia.request.post('/api/skill-exchange/posts', {
    headers: { authorization: await bearerOf(lucia) },
    data: { kind: 'hack', title, skills: [] },
  });
  expect(created.status()).toBe(201);
  const postUrl = `/skill-exchange/posts/${(await created.json()).id}`;

  const sofia = await personPage(browser, 'Sofia Marquez');
  await sofia.goto(postUrl);
  await sofia.getByRole('button', { name: 'Report' }).click();
  await sofia.getByRole('radio', { name: 'Spam' }).check();
  await sofia.getByLabel('Comment (optional)').fill('A sale, not a hack.');
  await sofia.getByRole('button', { name: 'Send report' }).click();
  await expect(
    sofia.getByText('Reported. A moderator will look at it.'),
  ).toBeVisible();

  // Amara hides it from the moderation queue.
  await page.reload();
  const reported = page.getByRole('link', { name: title });
  await expect(reported).toBeVisible();
  // The page scrolls inside Backstage's content area: bring the queue up.
  await page
    .getByText('Moderation', { exact: true })
    .evaluate(el => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'skill-exchange-moderation');
  await page.getByRole('button', { name: `Hide ${title}` }).click();
  await page
    .getByLabel('Note to the owner')
    .fill('Sales belong in the marketplace channel.');
  await page.getByRole('button', { name: 'Hide post' }).click();
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, { include: 'main' });

  // Gone from the Hacks list, for Sofia and everyone else.
  await sofia.goto(`/skill-exchange/hacks?q=${encodeURIComponent(stamp)}`);
  await expect(sofia.getByText(/^No hacks match/)).toBeVisible();
  await expect(sofia.getByText(title)).toHaveCount(0);
  await sofia.goto(postUrl);
  await expect(
    sofia.getByRole('heading', { name: /Request failed with 404 Not Found/ }),
  ).toBeVisible();

  // Sofia is no admin: no Admin button, and the URL says she may not.
  await sofia.goto('/skill-exchange');
  await expect(sofia.getByRole('button', { name: 'My profile' })).toBeVisible();
  await expect(sofia.getByRole('button', { name: 'Admin' })).toHaveCount(0);
  await sofia.goto('/skill-exchange/admin');
  await expect(
    sofia.getByText(/You are not allowed to administer the Skill Exchange/),
  ).toBeVisible();
  await expect(sofia.getByRole('button', { name: 'Add skill' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(sofia, { include: 'main' });
});
