import { expect, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import {
  bearerOf,
  editGoldenPath,
  refreshInCatalog,
  reloadUntil,
  stepYaml,
  withStepBefore,
} from './pathEdits';
import { otherPeople, screenshot, signInAsDemoUser, test } from './support';

const pathId = 'machine-learning-day-1';
const signOff = 'Your manager signs off';

/** A person signed in in a browser context of their own. */
const personPage = otherPeople();

/** The newcomer starts the path and reaches its approval step. */
async function startAndReachGate(page: Page) {
  await page.goto(`/golden-paths/${pathId}`);
  await page.getByRole('button', { name: 'Start this path' }).click();
  await expect(page.getByText('0 of 6 steps done')).toBeVisible();
  return page.getByTestId('gate-status');
}

/** The newcomer's journey id on the path (GET /journeys/me). */
async function journeyIdOf(page: Page): Promise<string> {
  const response = await page.request.get(
    `/api/golden-paths/journeys/me?pathId=${pathId}`,
    { headers: { authorization: await bearerOf(page) } },
  );
  expect(response.status()).toBe(200);
  return (await response.json()).items[0].id;
}

/**
 * An approval gate: the Machine Learning path's owner adds a step the
 * newcomer's manager signs off (the group's onramp.dev/manager, Aisha Bello
 * for machine-learning in examples/org.yaml). Noah reaches it and sees whom
 * it waits for; Aisha sees it in her notifications and on the Approvals page
 * and approves in one click; Noah's step turns done. Lucia's is declined with
 * a reason she then reads. Samuel, in the same group but not its manager, has
 * nothing to approve and the API answers him 403.
 */
test('an approval gate: the manager approves or declines, nobody else may', async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  await signInAsDemoUser(page, 'Noah Kim');
  await page.goto(`/golden-paths/${pathId}`);
  await editGoldenPath(pathId, yaml =>
    withStepBefore(
      yaml,
      'create-pipeline',
      stepYaml('sign-off', signOff, '{ type: approval, approver: manager }'),
    ),
  );
  await refreshInCatalog(page, pathId);
  await reloadUntil(page, () =>
    expect(page.getByText(signOff)).toBeVisible({ timeout: 2_000 }),
  );

  const noahGate = await startAndReachGate(page);
  await expect(noahGate).toHaveText(
    /^Waiting for aisha\.bello \(your manager\) since .+\.$/,
  );
  await expect(
    page.getByText('Waiting for approval (manager)').first(),
  ).toBeVisible();
  await screenshot(page, 'golden-paths-gate-waiting');
  await expectNoSeriousA11yViolations(page, { include: 'main' });

  const aisha = await personPage(browser, 'Aisha Bello');
  await aisha.goto('/notifications');
  await expect(
    aisha.getByText('user:default/noah.kim waits for your approval'),
  ).toBeVisible();
  await screenshot(aisha, 'golden-paths-gate-notification');

  await aisha.goto('/golden-paths/approvals');
  await expect(aisha.getByRole('cell', { name: 'Noah Kim' })).toBeVisible();
  await screenshot(aisha, 'golden-paths-approvals');
  // Backstage's Table headers: see day1-local-changes.test.ts.
  await expectNoSeriousA11yViolations(aisha, {
    include: 'main',
    exclude: ['thead'],
  });
  await aisha
    .getByRole('button', { name: `Approve ${signOff} for noah.kim` })
    .click();
  await expect(aisha.getByText('Nothing waits for you')).toBeVisible();

  await page.reload();
  await expect(noahGate).toHaveText(/^Approved by aisha\.bello on .+\.$/);
  await expect(page.getByText('1 of 6 steps done')).toBeVisible();
  await screenshot(page, 'golden-paths-gate-approved');

  // A second newcomer, and a teammate who is not the approver.
  const lucia = await personPage(browser, 'Lucia Rossi');
  const luciaGate = await startAndReachGate(lucia);
  await expect(luciaGate).toContainText('Waiting for aisha.bello');
  const luciaJourney = await journeyIdOf(lucia);

  const samuel = await personPage(browser, 'Samuel Adeyemi');
  await samuel.goto('/golden-paths/approvals');
  await expect(samuel.getByText('Nothing waits for you')).toBeVisible();
  await expect(samuel.getByRole('button', { name: /^Approve/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(samuel, { include: 'main' });
  const forbidden = await samuel.request.post(
    `/api/golden-paths/journeys/${luciaJourney}/steps/sign-off/approve`,
    { headers: { authorization: await bearerOf(samuel) } },
  );
  expect(forbidden.status()).toBe(403);

  // Nothing changed: the gate still waits, and Aisha declines it.
  const reason = 'Finish the security training first, then ask me again';
  await aisha.reload();
  await aisha
    .getByRole('button', { name: `Decline ${signOff} for lucia.rossi` })
    .click();
  await aisha
    .getByRole('textbox', {
      name: `Reason to decline ${signOff} for lucia.rossi`,
    })
    .fill(reason);
  await aisha.getByRole('button', { name: 'Decline', exact: true }).click();
  await expect(aisha.getByText('Nothing waits for you')).toBeVisible();

  await lucia.reload();
  await expect(luciaGate).toHaveText(/^Declined by aisha\.bello on .+: /);
  await expect(luciaGate).toContainText(reason);
  // Declined, no longer "Waiting for approval": the step waits for nobody.
  const luciaStep = lucia.getByTestId('step-sign-off');
  await expect(luciaStep.getByText('Declined', { exact: true })).toBeVisible();
  await expect(luciaStep.getByText(/^Waiting for approval/)).toHaveCount(0);
  await expect(lucia.getByText('0 of 6 steps done')).toBeVisible();
  await screenshot(lucia, 'golden-paths-gate-declined');
  await expectNoSeriousA11yViolations(lucia, { include: 'main' });
});
