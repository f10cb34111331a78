import { expect } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { fillDay1Form, screenshot, smoke, test } from './support';

/**
 * The Day-1 journey, end to end through the real portal: choose the Backend
 * path, run its template on the Create page (the real scaffolder, the Day-1
 * actions: the service deployed on the local runtime (this machine),
 * monitoring and DNS committed to local git), and see the steps turn
 * done from the evidence the template records, without clicking them; reload
 * and they are still done.
 */
test(
  'Day 1: choose the Backend path, run its template, steps turn done by evidence',
  smoke,
  async ({ page }) => {
    // The template's real work (git, manifests) comes on top of the page loads.
    test.setTimeout(120_000);
    await page.goto('/');
    await page.getByRole('button', { name: 'Enter' }).click();
    await page.getByRole('link', { name: 'Golden Paths' }).click();
    await expect(
      page.getByRole('heading', { name: 'Get started at Onramp Demo Co.' }),
    ).toBeVisible();
    const backend = page.locator('[class*="MuiCard-root"]').filter({
      has: page.getByRole('heading', { name: 'Backend', exact: true }),
    });
    // The README's picture of the page shows the paths, not only the pulse
    // card that may come first.
    await expect(backend).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Data Science', exact: true }),
    ).toBeVisible();
    await screenshot(page, 'golden-paths');
    await expectNoSeriousA11yViolations(page, { include: 'main' });

    await backend.getByRole('button', { name: /Choose|Continue/ }).click();
    await expect(
      page.getByRole('heading', { name: 'Backend golden path' }),
    ).toBeVisible();

    const service = `day1-e2e-${Date.now().toString(36)}`;
    await fillDay1Form(page, service);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Create' }).click();

    // The scaffolder task runs every step, each recording evidence.
    await expect(
      page.getByText(/Record progress: template succeeded/),
    ).toBeVisible({
      timeout: 60_000,
    });
    await expect(page.getByRole('button', { name: /Start over/i })).toBeVisible(
      {
        timeout: 60_000,
      },
    );
    await screenshot(page, 'golden-paths-template-run');

    await page.goto('/golden-paths/backend-day-1');
    const evidence = page.getByTestId('evidence');
    await expect(
      evidence.filter({ hasText: 'template.succeeded' }),
    ).toBeVisible({
      timeout: 60_000,
    });
    await expect(
      evidence.filter({ hasText: 'monitoring.scraped' }),
    ).toBeVisible();
    // Honest evidence: the service runs on the local runtime and answered
    // /health from its commit (deploy.healthy); the demo has no DNS server,
    // so the DNS step is done by the committed change and says so.
    await expect(
      evidence.filter({ hasText: /deploy healthy \(commit [0-9a-f]{7}\)/ }),
    ).toBeVisible();
    await expect(evidence.filter({ hasText: 'dns.requested' })).toBeVisible();
    await expect(page.getByText('4 of 5 steps done')).toBeVisible();

    await page.reload();
    await expect(page.getByText('4 of 5 steps done')).toBeVisible();
    await expect(
      evidence.filter({ hasText: 'template.succeeded' }),
    ).toBeVisible();
    await screenshot(page, 'golden-paths-journey');

    // The one self-attested step is the person's to mark.
    await page.getByRole('button', { name: 'Mark as done' }).first().click();
    await expect(page.getByText(/Done! You finished Backend/)).toBeVisible();
  },
);

/** A step's tutorial link opens the handbook page in TechDocs, built locally. */
test("a step's tutorial opens the handbook in TechDocs", async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.goto('/golden-paths/backend-day-1');
  await page.getByRole('link', { name: 'How deployments work' }).click();
  await expect(page).toHaveURL(
    /\/docs\/default\/component\/onramp-handbook\/deployments/,
  );
  // The first visit builds the site with mkdocs; the reader waits for it.
  await expect(
    page.getByRole('heading', { name: 'When is the step done?' }),
  ).toBeVisible({ timeout: 60_000 });
  await screenshot(page, 'golden-paths-handbook');
});
