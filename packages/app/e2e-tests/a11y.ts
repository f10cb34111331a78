import AxeBuilder from '@axe-core/playwright';
import { expect, Page } from '@playwright/test';

/**
 * Runs axe on the current page and fails on serious or critical violations
 * (WCAG 2 A/AA rules), listing each with the elements it found.
 */
export async function expectNoSeriousA11yViolations(
  page: Page,
  options: {
    include?: string;
    exclude?: string[];
    disableRules?: string[];
  } = {},
) {
  let builder = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
  ]);
  if (options.include) {
    builder = builder.include(options.include);
  }
  if (options.disableRules?.length) {
    builder = builder.disableRules(options.disableRules);
  }
  for (const selector of options.exclude ?? []) {
    builder = builder.exclude(selector);
  }
  const results = await builder.analyze();
  const serious = results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
      // The element itself: generated class names alone do not say which.
      html: v.nodes.map(n => n.html.slice(0, 300)).slice(0, 5),
    }));
  expect(serious).toEqual([]);
}
