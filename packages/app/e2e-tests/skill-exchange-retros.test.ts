import { expect } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { bearerOf } from './pathEdits';
import { otherPeople, screenshot, signInAsDemoUser, test } from './support';

const personPage = otherPeople();

/**
 * The loop closed after an embed: Amara hosts a Kotlin embed and accepts
 * Lucia; when Amara closes it, Lucia is asked for her retro in her
 * notifications, writes it on the post's page (what she practised, how
 * useful it was), and the practised skill she does not list yet is offered
 * for her profile.
 */
test('a retro after an embed: asked once it is over, written once, practised skills offered', async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const title = `Android embed ${Date.now()}`;
  const amara = await personPage(browser, 'Amara Okafor');
  const auth = { authorization: await bearerOf(amara) };
  const created = await amara.request.post('/api/skill-exchange/posts', {
    headers: auth,
    data: {
      kind: 'embed',
      title,
      description: 'Four weeks on the Android player.',
      skills: ['Kotlin'],
      team: 'group:default/backend',
      level: 2,
      // Started a week ago: closing it ends it (an embed closed before its
      // start never took place, and has no retro).
      start: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10),
      durationWeeks: 4,
      location: 'remote',
      headcount: 1,
    },
  });
  expect(created.status()).toBe(201);
  const post = await created.json();
  const postUrl = `/skill-exchange/posts/${post.id}`;

  await signInAsDemoUser(page, 'Lucia Rossi');
  await page.goto(postUrl);
  await page.getByRole('button', { name: "I'm interested" }).click();
  await page.getByLabel('Message to the owner').fill('Kotlin, please.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('Your interest: pending')).toBeVisible();

  await amara.goto(postUrl);
  const people = amara.getByRole('list', { name: 'Interested people' });
  await people.getByRole('button', { name: 'Accept' }).click();
  await expect(people.getByText('accepted')).toBeVisible();
  await amara
    .getByRole('main')
    .getByRole('button', { name: 'Close', exact: true })
    .click();
  await expect(amara.getByText('Closed').first()).toBeVisible();

  await page.goto('/notifications');
  await page.getByText(`How was "${title}"?`).first().click();
  await expect(page).toHaveURL(new RegExp(`${postUrl}#retro$`));
  const retro = page.getByRole('form', { name: 'Retro' });
  await retro.getByRole('checkbox', { name: 'Kotlin' }).check();
  await retro.getByRole('radio', { name: '4 Very useful' }).check();
  await retro
    .getByRole('textbox', { name: 'Comment (optional)' })
    .fill('Shipped my first Kotlin change.');
  await expectNoSeriousA11yViolations(page, { include: 'main' });
  await retro.getByRole('button', { name: 'Send retro' }).click();
  await expect(page.getByText(/^You wrote your retro on /)).toBeVisible();
  await expect(page.getByText(/4 of 5 \(Very useful\)/)).toBeVisible();

  // What she practised is offered for her profile, with its evidence.
  const offers = page.getByRole('list', {
    name: 'Add what you practised to your profile',
  });
  await expect(
    offers.getByText(
      `You practised Kotlin on ${title}: add Kotlin at level 2 (Learning)?`,
    ),
  ).toBeVisible();
  await offers
    .getByRole('button', { name: 'Add Kotlin to my profile' })
    .click();
  await expect(offers).not.toBeVisible();

  // Written once: a second retro is refused and changes nothing.
  const again = await page.request.post(
    `/api/skill-exchange/posts/${post.id}/retro`,
    {
      headers: { authorization: await bearerOf(page) },
      data: { skills: [], usefulness: 1 },
    },
  );
  expect(again.status()).toBe(409);
  await page.goto(`${postUrl}#retro`);
  await expect(page.getByText(/4 of 5 \(Very useful\)/)).toBeVisible();
  await screenshot(page, 'skill-exchange-retro');

  await page.goto('/skill-exchange/profile');
  const levels = page.getByRole('table', { name: 'Skill levels' });
  await expect(
    levels.getByRole('row', { name: /Kotlin\s+2 · Learning/ }),
  ).toBeVisible();
  await expect(levels.getByText('1 embed · practised 1×')).toBeVisible();
  await expectNoSeriousA11yViolations(page, { include: 'main' });
});
