import { expect } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { screenshot, signInAsDemoUser, test } from './support';

/**
 * Learning resources from the catalog: the playback service
 * (examples/entities.yaml) is annotated `onramp.dev/learning-skills: Java,
 * gRPC` and has no TechDocs, so a learning goal in Java offers its catalog
 * page. Marked done, it shows in the person's own growth.
 */
test('a learning goal offers a catalog entity as its next resource; marked done, it is growth', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAsDemoUser(page, 'Leo Martin');
  await page.goto('/skill-exchange/profile');
  await page.getByRole('button', { name: 'Edit profile' }).click();
  const learning = page.getByLabel('What I am learning');
  await learning.fill('Java');
  await page.getByRole('option', { name: 'Java', exact: true }).click();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(
    page.getByRole('button', { name: 'Edit profile' }),
  ).toBeVisible();

  const next = page.getByRole('list', { name: 'Next for your learning goals' });
  const resource = next.getByRole('link', { name: 'Playback service' });
  await expect(resource).toBeVisible({ timeout: 10_000 });
  await expect(resource).toHaveAttribute(
    'href',
    '/catalog/default/component/playback-service',
  );
  await expect(next.getByText(/30 min/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, { include: 'main' });
  await next.scrollIntoViewIfNeeded();
  await screenshot(page, 'skill-exchange-learning-catalog');

  await next
    .getByRole('button', { name: 'Mark done: Playback service' })
    .click();
  await expect(page.getByText('Marked Playback service done')).toBeVisible();
  await expect(next.getByText('All resources done')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Learned from')).toBeVisible({ timeout: 10_000 });
  await expect(
    page.getByRole('link', { name: 'Playback service' }).first(),
  ).toBeVisible();
});
