import { expect, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { otherPeople, screenshot, smoke, test } from './support';

const shot = (page: Page, name: string) =>
  screenshot(page, `skill-exchange-${name}`);

async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('link', { name: 'Skill Exchange' }),
  ).toBeVisible();
}

/** A second person, in a browser context of their own. */
const signInAs = otherPeople();

async function pickSkill(page: Page, label: string, skill: string) {
  const input = page.getByLabel(label);
  await input.fill(skill.slice(0, 4));
  await page.getByRole('option', { name: skill, exact: true }).click();
}

test.describe('Skill Exchange', () => {
  test('browse from the sidebar, filter by skill, accessible', async ({
    page,
  }) => {
    await signInAsGuest(page);
    await page.getByRole('link', { name: 'Skill Exchange' }).click();
    await expect(
      page.getByRole('heading', { name: 'Skill Exchange' }),
    ).toBeVisible();
    await expect(
      page.getByText('Embed with Playback: make seeking instant'),
    ).toBeVisible();
    await shot(page, 'embeds');
    // Our content; the sidebar is Backstage's own and checked on the home page.
    await expectNoSeriousA11yViolations(page, { include: 'main' });

    await page.getByRole('button', { name: 'Data Engineering' }).click();
    await expect(page).toHaveURL(/skills=Data(\+|%20)Engineering/);
    await expect(
      page.getByText('Data engineering embed: streaming listening events'),
    ).toBeVisible();
    await expect(
      page.getByText('Embed with Playback: make seeking instant'),
    ).toHaveCount(0);
    // The filter lives in the URL: Back undoes it.
    await page.goBack();
    await expect(
      page.getByText('Embed with Playback: make seeking instant'),
    ).toBeVisible();
  });

  test(
    'post an embed: create, appears in the list, search finds it',
    smoke,
    async ({ page }) => {
      const title = `Embed with Onboarding: the day-1 template ${Date.now()}`;
      await signInAsGuest(page);
      await page.goto('/skill-exchange');
      await page.getByRole('button', { name: 'Create embed post' }).click();
      await page.getByRole('button', { name: 'Post' }).click();
      await expect(
        page.getByText('must be at least 3 characters'),
      ).toBeVisible();

      await page.getByLabel('Title').fill(title);
      await page
        .getByLabel('Description (Markdown)')
        .fill('Help us make **day 1** even better.');
      await pickSkill(page, 'Looking for help with (skills)', 'TypeScript');
      await page.getByLabel('Hosting team').click();
      await page.getByRole('option', { name: 'Backend' }).click();
      await page.getByLabel('Start').fill('2027-Q2');
      await page.getByLabel('Duration (weeks)').fill('3');
      await page.getByRole('button', { name: 'Post' }).click();

      await expect(page.getByRole('heading', { name: title })).toBeVisible();
      await expect(page.getByText('You posted this')).toBeVisible();
      await shot(page, 'post-detail');

      await page.goto('/skill-exchange');
      await page.getByLabel('Search embeds').fill(title.slice(-22));
      await page.getByLabel('Search embeds').press('Enter');
      await expect(page).toHaveURL(/q=template/);
      await expect(page.getByTestId('post-card')).toHaveCount(1);
      await expect(page.getByText(title)).toBeVisible();
      // Full text: the search is ranked, and finds posts by skill name too.
      await expect(page.getByText('1 embed, best matches first')).toBeVisible();
      await page.getByLabel('Search embeds').fill('typescript template');
      await page.getByLabel('Search embeds').press('Enter');
      await expect(page.getByText(title)).toBeVisible();
      await expectNoSeriousA11yViolations(page, { include: 'main' });
      await shot(page, 'search');
    },
  );

  test(
    'post a hack and join it as another user',
    smoke,
    async ({ page, browser }) => {
      await signInAsGuest(page);
      await page.goto('/skill-exchange/hacks');
      await page.getByRole('button', { name: 'Post a hack' }).click();
      await page
        .getByLabel('Title')
        .fill('Hack: a Backstage card for on-call handovers');
      await pickSkill(page, 'Looking for help with (skills)', 'Backstage');
      await page.getByRole('button', { name: 'Post' }).click();
      await expect(
        page.getByRole('heading', {
          name: 'Hack: a Backstage card for on-call handovers',
        }),
      ).toBeVisible();
      const url = page.url();

      const lars = await signInAs(browser, 'Lars Lindqvist');
      await lars.goto(url);
      await lars.getByRole('button', { name: 'Adopt this idea' }).click();
      await expect(
        lars.getByRole('button', { name: 'Leave hack' }),
      ).toBeVisible();
      await expect(lars.getByText('Members (1)')).toBeVisible();
      await shot(lars, 'hack-joined');

      await page.reload();
      await expect(page.getByText('Members (1)')).toBeVisible();
      await expect(
        page.getByRole('link', { name: 'lars.lindqvist' }),
      ).toBeVisible();
      await lars.context().close();
    },
  );

  test('express interest and have it accepted', async ({ page, browser }) => {
    await signInAsGuest(page);
    await page.goto('/skill-exchange/mentorships');
    await page
      .getByRole('link', { name: 'Mentoring: running services in production' })
      .click();
    await page.getByRole('button', { name: "I'm interested" }).click();
    await page
      .getByLabel('Message to the owner')
      .fill('I am new on Backend and would love this.');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByText('Your interest:')).toBeVisible();
    await expect(page.getByText('pending')).toBeVisible();
    const url = page.url();

    const lars = await signInAs(browser, 'Lars Lindqvist');
    await lars.goto(url);
    const people = lars.getByRole('list', { name: 'Interested people' });
    await expect(
      people.getByText('I am new on Backend and would love this.'),
    ).toBeVisible();
    await people.getByRole('button', { name: 'Accept' }).click();
    await expect(people.getByText('accepted')).toBeVisible();
    await shot(lars, 'interest-accepted');
    await lars.context().close();

    await page.reload();
    await expect(page.getByText('accepted')).toBeVisible();
  });

  test(
    'edit my skill profile: a level change persists after reload',
    smoke,
    async ({ page }) => {
      await signInAsGuest(page);
      await page.goto('/skill-exchange/profile');
      await expect(
        page.getByRole('heading', { name: 'Sofia Márquez' }),
      ).toBeVisible();
      await page.getByRole('button', { name: 'Edit profile' }).click();
      await page.getByLabel('Level in TypeScript').click();
      await page.getByRole('option', { name: '4 · Advanced' }).click();
      await pickSkill(page, 'Add skills', 'PostgreSQL');
      await shot(page, 'profile-edit');
      await page.getByRole('button', { name: 'Save profile' }).click();
      await expect(
        page.getByRole('button', { name: 'Edit profile' }),
      ).toBeVisible();

      await page.reload();
      const levels = page.getByRole('table', { name: 'Skill levels' });
      await expect(
        levels.getByRole('row', { name: /TypeScript\s+4 · Advanced/ }),
      ).toBeVisible();
      await expect(
        levels.getByRole('row', { name: /PostgreSQL\s+2 · Learning/ }),
      ).toBeVisible();
      await shot(page, 'profile');
    },
  );

  test('team skills on a Group page, linking to People by skill', async ({
    page,
  }) => {
    await signInAsGuest(page);
    await page.goto('/catalog/default/group/backend');
    const skills = page.getByRole('table', { name: 'Skills of Backend' });
    await expect(skills).toBeVisible();
    await expect(
      page.getByText(/\d+ of \d+ members have a skill profile/),
    ).toBeVisible();
    const go = skills.getByRole('row').filter({
      has: page.getByRole('link', { name: 'Go', exact: true }),
    });
    await expect(go).toBeVisible();
    await expect(go.getByRole('img', { name: /^Go: \d+ / })).toBeVisible();
    await skills.scrollIntoViewIfNeeded();
    await shot(page, 'team-skills');
    await expectNoSeriousA11yViolations(page, { include: 'main table' });

    await go.getByRole('link', { name: 'Go', exact: true }).click();
    await expect(page).toHaveURL(
      /\/skill-exchange\/people\?skills=Go&minLevel=1/,
    );
    await expect(page.getByText(/\d+ (person|people)/)).toBeVisible();
  });

  test('my profile: growth activities and recommended posts with reasons', async ({
    page,
  }) => {
    await signInAsGuest(page);
    await page.goto('/skill-exchange/profile');
    // Sofia is a member of a demo hack: that is growth.
    const growth = page.getByRole('list', { name: 'Growth activities' });
    await expect(growth.getByText(/Joined a hack/).first()).toBeVisible();
    const recommended = page.getByRole('list', { name: 'Recommended for you' });
    await expect(recommended.getByText(/^Why: /).first()).toBeVisible();
    await growth.scrollIntoViewIfNeeded();
    await shot(page, 'growth');
  });

  test('find an expert', async ({ page }) => {
    await signInAsGuest(page);
    await page.goto('/skill-exchange/people');
    await pickSkill(page, 'Skills', 'Kotlin');
    await expect(page.getByRole('link', { name: 'elin.berg' })).toBeVisible();
    await expect(page.getByText('5 · Expert · can help')).toBeVisible();
    await shot(page, 'people');
    await page.getByRole('link', { name: 'elin.berg' }).click();
    await expect(
      page.getByRole('heading', { name: 'Elin Berg' }),
    ).toBeVisible();
    await expect(page.getByText('I can help with')).toBeVisible();
  });
});
