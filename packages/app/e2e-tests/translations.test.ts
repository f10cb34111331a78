import { expect, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './a11y';
import { screenshot, test } from './support';

/** Settings > General > Language, as a person picks it. */
async function pickLanguage(page: Page, current: string, wanted: string) {
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByText(/^(Settings|Einstellungen)$/).click();
  await page.getByRole('button', { name: current }).click();
  await page.getByRole('option', { name: wanted }).click();
}

test.describe('the portal in German', () => {
  test('a person picks Deutsch in Settings and both plugins speak German', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Enter' }).click();
    await pickLanguage(page, 'English', 'Deutsch');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');

    const nav = page.getByRole('navigation', { name: 'sidebar nav' });
    await nav.getByRole('link', { name: 'Skill Exchange' }).click();
    await expect(page.getByRole('tab', { name: 'Mentorings' })).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'Mein Profil' }),
    ).toBeVisible();
    await screenshot(page, 'skill-exchange-de');
    await expectNoSeriousA11yViolations(page);

    await nav.getByRole('link', { name: 'Golden Paths' }).click();
    await expect(nav.getByRole('link', { name: 'Mein Team' })).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'Onboarding-Insights' }),
    ).toBeVisible();
    await expect(page.getByText(/^Loslegen bei/).first()).toBeVisible();
    await screenshot(page, 'golden-paths-de');
    await expectNoSeriousA11yViolations(page);

    // And back: the choice is the person's, kept in this browser.
    await page.reload();
    await expect(nav.getByRole('link', { name: 'Mein Team' })).toBeVisible();
    await pickLanguage(page, 'Deutsch', 'English');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(nav.getByRole('link', { name: 'My team' })).toBeVisible();
  });
});
