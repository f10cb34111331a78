import { expect } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import {
  editGoldenPath,
  refreshInCatalog,
  reloadUntil,
  stepYaml,
  withStepBefore,
  withoutStep,
} from './pathEdits';
import { screenshot, signInAsDemoUser, test } from './support';

const pathId = 'audio-processing-day-1';
const manual = '{ type: manual }';

/**
 * Golden Paths are catalog data: the path's owner edits its YAML in git (here
 * this run's copy of examples/golden-paths, which the catalog reads), the
 * catalog is refreshed the way an adopter does it, and the newcomer's page
 * shows the new steps without a redeploy. Progress is stored by step id: the
 * kept step stays done, a done step the path lost is listed as removed and no
 * longer counts.
 */
test('a path edited in git updates without a redeploy, progress kept', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAsDemoUser(page, 'Jonas Weber');
  await page.goto(`/golden-paths/${pathId}`);
  await page.getByRole('button', { name: 'Start this path' }).click();
  await page.getByRole('button', { name: 'Mark as done' }).click();
  await expect(page.getByText('1 of 5 steps done')).toBeVisible();

  // The owner adds a step; the newcomer sees it once the catalog has it.
  await editGoldenPath(pathId, yaml =>
    withStepBefore(
      yaml,
      'create-job',
      stepYaml('meet-your-team', 'Meet your team', manual),
    ),
  );
  await refreshInCatalog(page, pathId);
  await reloadUntil(page, () =>
    expect(page.getByText('1 of 6 steps done')).toBeVisible({ timeout: 2_000 }),
  );
  await expect(page.getByText('Meet your team')).toBeVisible();
  await page.getByRole('button', { name: 'Mark as done' }).click();
  await expect(page.getByText('2 of 6 steps done')).toBeVisible();

  // A second edit adds another step and removes the one just done.
  await editGoldenPath(pathId, yaml =>
    withStepBefore(
      withoutStep(yaml, 'meet-your-team'),
      'create-job',
      stepYaml('pair-with-a-buddy', 'Pair with a buddy', manual),
    ),
  );
  await refreshInCatalog(page, pathId);
  await reloadUntil(page, () =>
    expect(page.getByText('Pair with a buddy')).toBeVisible({
      timeout: 2_000,
    }),
  );
  // dev-environment is still done; the removed step is listed, not counted.
  await expect(page.getByText('1 of 6 steps done')).toBeVisible();
  const steps = page.getByRole('list', { name: 'Steps' });
  await expect(steps.getByText('Meet your team')).toHaveCount(0);
  const removed = page.getByRole('region', { name: 'Removed from the path' });
  await expect(removed).toContainText(
    /Meet your team: done .*, removed from the path on .*It no longer counts toward your progress/,
  );
  await screenshot(page, 'golden-paths-edited-in-git');
  await expectNoSeriousA11yViolations(page, { include: 'main' });
  // The page scrolls inside Backstage's content area: bring the list up.
  await removed.evaluate(el => el.scrollIntoView({ block: 'center' }));
  await screenshot(page, 'golden-paths-removed-step');
});
