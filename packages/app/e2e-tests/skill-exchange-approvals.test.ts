import { expect } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { bearerOf } from './pathEdits';
import { otherPeople, screenshot, signInAsDemoUser, test } from './support';

const personPage = otherPeople();

/**
 * An embed its manager can say yes to: Amara posts an embed two days a
 * week; Lucia (machine-learning, managed by Aisha Bello in examples/org.yaml)
 * is interested. Aisha sees nothing of it until Lucia asks; then the request
 * reaches her notifications, which link to the Approvals tab, where she
 * approves in one click. Lucia and the owner see the approval.
 */
test('manager approval of an embed: confidential until asked, one click to approve', async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const title = `Embed with Payments ${Date.now()}`;
  const amara = await personPage(browser, 'Amara Okafor');
  const created = await amara.request.post('/api/skill-exchange/posts', {
    headers: { authorization: await bearerOf(amara) },
    data: {
      kind: 'embed',
      title,
      description: 'Ship the refunds flow with us.',
      team: 'group:default/backend',
      start: '2027-Q1',
      durationWeeks: 6,
      timeSharePercent: 40,
      location: 'remote',
      headcount: 1,
    },
  });
  expect(created.status()).toBe(201);
  const postUrl = `/skill-exchange/posts/${(await created.json()).id}`;

  await signInAsDemoUser(page, 'Lucia Rossi');
  await page.goto(postUrl);
  await expect(
    page.getByText(/2 days a week \(40%\) for 6 weeks/),
  ).toBeVisible();
  await page.getByRole('button', { name: "I'm interested" }).click();
  await page.getByLabel('Message to the owner').fill('Refunds are my thing.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(
    page.getByText(/Your manager does not see your interest unless you ask/),
  ).toBeVisible();

  const aisha = await personPage(browser, 'Aisha Bello');
  await aisha.goto('/skill-exchange/approvals');
  await expect(
    aisha.getByText('Nobody has asked you to approve an embed'),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Ask my manager to approve' }).click();
  await expect(
    page.getByText(/^Waiting for aisha\.bello \(your manager\) since /),
  ).toBeVisible();
  await screenshot(page, 'skill-exchange-approval-asked');
  await expectNoSeriousA11yViolations(page, { include: 'main' });

  await aisha.goto('/notifications');
  await aisha
    .getByText('user:default/lucia.rossi asks you to approve an embed')
    .first()
    .click();
  await expect(aisha).toHaveURL(/\/skill-exchange\/approvals$/);
  const requests = aisha.getByRole('list', { name: 'Approval requests' });
  await expect(
    requests.getByText('2 days a week (40%) for 6 weeks').first(),
  ).toBeVisible();
  await screenshot(aisha, 'skill-exchange-approvals');
  await expectNoSeriousA11yViolations(aisha, { include: 'main' });
  await aisha
    .getByRole('button', { name: `Approve lucia.rossi on ${title}` })
    .click();
  await expect(
    requests
      .getByRole('listitem')
      .filter({ hasText: title })
      .getByText('Manager approved'),
  ).toBeVisible();

  await page.reload();
  await expect(page.getByText('Manager approved')).toBeVisible();

  await amara.goto(postUrl);
  const people = amara.getByRole('list', { name: 'Interested people' });
  await expect(people.getByText(/Manager approved/)).toBeVisible();
  await people.getByRole('button', { name: 'Accept' }).click();
  await expect(people.getByText('accepted')).toBeVisible();
});
