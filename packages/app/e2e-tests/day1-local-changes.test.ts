import { expect, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectNoSeriousA11yViolations } from './a11y';
import {
  e2eGitRoot,
  fillDay1Form,
  screenshot,
  signInAsDemoUser,
  test,
} from './support';

/**
 * A newcomer completes their discipline's path on one machine, end to end
 * through the real portal (issue 12): they start the path, run its Day-1
 * template from the path page, the local CI runs the new repository's
 * .onramp/ci.yaml and records its evidence, then they open and merge a
 * change exactly as the handbook's "Open and merge a change on this machine"
 * page says (clone the bare repository, branch, commit with their catalog
 * email, push; merge --no-ff into main, push) and every step of the path is
 * done.
 */

/** Runs git in `cwd`; returns stdout. */
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' });

const NEWCOMERS = [
  {
    discipline: 'client',
    person: 'Chloe Dubois',
    email: 'chloe.dubois@onramp.example',
    title: 'Client',
    pathId: 'client-day-1',
    template: {
      heading: 'Day 1: ship a web feature behind a flag',
      owner: 'Client',
    },
    // The template's own evidence, then the CI steps' evidence.
    evidence: [
      /deploy healthy \(commit [0-9a-f]{7}\)/,
      'client.feature.visible',
      'client.tests.passed',
      'ci.passed',
    ],
    steps: 5,
  },
  {
    discipline: 'data-science',
    person: 'Emma Larsson',
    email: 'emma.larsson@onramp.example',
    title: 'Data Science',
    pathId: 'data-science-day-1',
    template: {
      heading: 'Day 1: render an analysis report with plots',
      owner: 'Data Science',
    },
    evidence: ['analysis.report.rendered', 'ci.passed'],
    steps: 4,
  },
];

/** The handbook's local change: clone, branch, commit, push; merge --no-ff, push. */
function openAndMergeChange(
  repository: string,
  who: { person: string; email: string },
) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onramp-e2e-clone-'));
  try {
    git(tmp, 'clone', '--quiet', path.join(e2eGitRoot(), `${repository}.git`));
    const work = path.join(tmp, repository);
    git(work, 'config', 'user.email', who.email);
    git(work, 'config', 'user.name', who.person);
    git(work, 'switch', '--quiet', '-c', 'first-change');
    fs.appendFileSync(
      path.join(work, 'README.md'),
      '\nMy first change, merged on Day 1.\n',
    );
    git(work, 'commit', '--quiet', '-am', 'Say what I changed on Day 1');
    git(work, 'push', '--quiet', '-u', 'origin', 'first-change');
    git(work, 'switch', '--quiet', 'main');
    git(work, 'pull', '--quiet');
    git(
      work,
      'merge',
      '--quiet',
      '--no-ff',
      'first-change',
      '-m',
      'Merge first-change',
    );
    git(work, 'push', '--quiet', 'origin', 'main');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function choosePath(page: Page, title: string) {
  await page.getByRole('link', { name: 'Golden Paths' }).click();
  await page
    .locator('[class*="MuiCard-root"]')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) })
    .getByRole('button', { name: /Choose|Continue/ })
    .click();
  await expect(
    page.getByRole('heading', { name: `${title} golden path` }),
  ).toBeVisible();
}

for (const n of NEWCOMERS) {
  test(`a ${n.title} newcomer completes their path on one machine: template, CI, a merged change`, async ({
    page,
  }) => {
    // The template run (git, and for Client a build on the local runtime),
    // then three CI runs of the new repository, one at a time.
    test.setTimeout(420_000);
    await signInAsDemoUser(page, n.person);
    await choosePath(page, n.title);
    const repository = `day1-${n.discipline.slice(0, 4)}-${Date.now().toString(
      36,
    )}`;
    await fillDay1Form(page, repository, n.template);
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(
      page.getByRole('link', {
        name: new RegExp(`Back to your ${n.title} path`),
      }),
    ).toBeVisible({ timeout: 180_000 });

    // The push of the template's first commit runs .onramp/ci.yaml on the
    // local CI (polled every 10 s); its evidence lands on the path page,
    // which polls for it.
    await page.goto(`/golden-paths/${n.pathId}`);
    const evidence = page.getByTestId('evidence');
    await expect(
      evidence.filter({ hasText: 'template.succeeded' }),
    ).toBeVisible({ timeout: 60_000 });
    for (const e of n.evidence) {
      await expect(evidence.filter({ hasText: e }).first()).toBeVisible({
        timeout: 180_000,
      });
    }
    await expect(
      page.getByText(`${n.steps - 2} of ${n.steps} steps done`),
    ).toBeVisible();

    // A change opened and merged on this machine: pr.merged for the author.
    openAndMergeChange(repository, n);
    await expect(evidence.filter({ hasText: 'pr.merged' })).toBeVisible({
      timeout: 120_000,
    });
    await expect(
      page.getByText(`${n.steps - 1} of ${n.steps} steps done`),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page, { include: 'main' });

    // The one self-attested step is theirs to mark; then the path is done.
    await page.getByRole('button', { name: 'Mark as done' }).first().click();
    await expect(
      page.getByText(new RegExp(`Done! You finished ${n.title}`)),
    ).toBeVisible();
    await screenshot(page, `golden-paths-${n.discipline}`);
  });
}

test('every path page and the onboarding trends on the Insights page', async ({
  page,
}) => {
  await signInAsDemoUser(page, 'Amara Okafor');
  for (const [discipline, title] of [
    ['backend', 'Backend'],
    ['data-engineering', 'Data Engineering'],
    ['machine-learning', 'Machine Learning'],
    ['audio-processing', 'Audio Processing'],
  ]) {
    await page.goto(`/golden-paths/${discipline}-day-1`);
    await expect(
      page.getByRole('heading', { name: `${title} golden path` }),
    ).toBeVisible();
    await screenshot(page, `golden-paths-${discipline}`);
  }
  await page.goto('/golden-paths/insights');
  const trends = page.getByText('Onboarding from the start date');
  await expect(trends).toBeVisible();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  // The page scrolls inside Backstage's content area: bring the chart up.
  await trends.evaluate(el => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'golden-paths-insights');
  // The sortable column headers of Backstage's Table (material-table) are a
  // role="button" inside a focusable header: axe's nested-interactive, the
  // same on every Backstage table, not this page's markup.
  await expectNoSeriousA11yViolations(page, {
    include: 'main',
    exclude: ['thead'],
  });
});
