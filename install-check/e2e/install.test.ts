import { expect, Page, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

/*
 * The Onramp plugins in a clean Backstage app (scripts/install-check.mjs
 * installs them from their tarballs by their READMEs and starts the app):
 * sign in as the guest, create a Skill Exchange post, start a golden path,
 * dry-run the Day-1 template. Screenshots go to
 * node_modules/.cache/install-check/.
 */
const app = process.env.ONRAMP_INSTALL_APP ?? '';
const shots = path.resolve(
  __dirname,
  '../../node_modules/.cache/install-check',
);
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(shots, `${name}.png`) });

/**
 * Guest sign-in on the app's default sign-in page. The first attempts can
 * come before the catalog has read examples/org.yaml: they are tried again.
 */
async function signIn(page: Page) {
  await expect(async () => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Enter' }).click();
    await expect(
      page.getByRole('link', { name: 'Skill Exchange' }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
}

/** The guest's Backstage token, read by the page from the auth backend. */
function guestToken(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const res = await fetch('/api/auth/guest/refresh', {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    const body = await res.json();
    return body.backstageIdentity.token as string;
  });
}

function filesUnder(dir: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(dir, prefix)).flatMap(name => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return fs.statSync(path.join(dir, rel)).isDirectory()
      ? filesUnder(dir, rel)
      : [rel];
  });
}

test('the backend plugins and modules answer', async ({ page }) => {
  await signIn(page);
  const token = await guestToken(page);
  const answers = await page.evaluate(async auth => {
    const headers = { authorization: `Bearer ${auth}` };
    const status = async (url: string) =>
      (await fetch(url, { headers })).status;
    const actions = await fetch('/api/scaffolder/v2/actions', { headers });
    const ids: string[] = actions.ok
      ? (await actions.json()).map((a: { id: string }) => a.id)
      : [];
    return {
      skillExchange: await status('/api/skill-exchange/health'),
      goldenPaths: await status('/api/golden-paths/health'),
      day1Actions: ids.filter(id => id.startsWith('goldenpath:')).length > 0,
    };
  }, token);
  expect(answers).toEqual({
    skillExchange: 200,
    goldenPaths: 200,
    day1Actions: true,
  });
});

test('Skill Exchange: post an embed and see it in the list', async ({
  page,
}) => {
  const title = `Embed from a clean app ${Date.now()}`;
  await signIn(page);
  await page.getByRole('link', { name: 'Skill Exchange' }).click();
  // The header's button (an empty exchange shows a second one).
  await page.getByRole('button', { name: 'Create embed post' }).first().click();
  await page.getByLabel('Title').fill(title);
  await page
    .getByLabel('Description (Markdown)')
    .fill('Installed from the **tarballs**, by the READMEs.');
  const skills = page.getByLabel('Looking for help with (skills)');
  await skills.fill('Type');
  await page.getByRole('option', { name: 'TypeScript', exact: true }).click();
  await page.getByLabel('Hosting team').click();
  await page.getByRole('option', { name: 'Backend' }).click();
  await page.getByLabel('Start').fill('2027-Q2');
  await page.getByLabel('Duration (weeks)').fill('3');
  await page.getByRole('button', { name: 'Post' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByText('You posted this')).toBeVisible();

  await page.goto('/skill-exchange');
  await expect(page.getByText(title)).toBeVisible();
  await shot(page, 'skill-exchange');
});

test('Golden Paths: start the Backend path', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Golden Paths' }).click();
  await expect(
    page.getByRole('heading', { name: 'Get started at Install Check Co.' }),
  ).toBeVisible();
  const backend = page.locator('[class*="MuiCard-root"]').filter({
    has: page.getByRole('heading', { name: 'Backend', exact: true }),
  });
  // The catalog reads the path file shortly after the start.
  await expect(async () => {
    await page.reload();
    await expect(backend).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await backend.getByRole('button', { name: 'Choose' }).click();
  await expect(
    page.getByRole('heading', { name: 'Backend golden path' }),
  ).toBeVisible();
  await expect(page.getByText('0 of 5 steps done')).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Run template' }),
  ).toBeVisible();
  await shot(page, 'golden-path');

  // The journey is stored: the paths page offers to continue it.
  await page.goto('/golden-paths');
  await expect(backend.getByRole('button', { name: 'Continue' })).toBeVisible();
});

test('Day-1 template: dry-run from the page succeeds', async ({ page }) => {
  const dir = path.join(app, 'examples/templates/day-1-backend-service');
  const directoryContents = filesUnder(path.join(dir, 'skeleton')).map(f => ({
    path: `skeleton/${f}`,
    base64Content: fs
      .readFileSync(path.join(dir, 'skeleton', f))
      .toString('base64'),
  }));
  const values = {
    name: 'install-check-svc',
    owner: 'group:default/backend',
    description: 'Made by the install check',
    goldenPath: 'backend-day-1',
  };
  await signIn(page);
  const token = await guestToken(page);
  // The template as the app's catalog has it, then the scaffolder's dry-run.
  const result = await page.evaluate(
    async ({ auth, files, input }) => {
      const headers = {
        authorization: `Bearer ${auth}`,
        'content-type': 'application/json',
      };
      const entity = await fetch(
        '/api/catalog/entities/by-name/template/default/day-1-backend-service',
        { headers },
      );
      if (!entity.ok) return { status: entity.status, where: 'catalog' };
      const template = await entity.json();
      const res = await fetch('/api/scaffolder/v2/dry-run', {
        method: 'POST',
        headers,
        body: JSON.stringify({
          template,
          values: input,
          directoryContents: files,
        }),
      });
      return { status: res.status, where: 'dry-run', body: await res.json() };
    },
    { auth: token, files: directoryContents, input: values },
  );
  expect({ status: result.status, where: result.where }).toEqual({
    status: 200,
    where: 'dry-run',
  });
  const messages = result.body.log
    .map((l: any) => l.body.message ?? '')
    .join('\n');
  expect(messages).toContain('install-check-svc is free');
  expect(messages).toMatch(/Dry run: would push \d+ files/);
  expect(messages).toMatch(/Dry run: would record evidence /);
  expect(result.body.output.links[0]).toEqual(
    expect.objectContaining({ url: '/golden-paths/backend-day-1' }),
  );

  await page.goto('/create');
  await expect(
    page.getByText('Day 1: create and ship a backend service'),
  ).toBeVisible();
  await shot(page, 'create');
});
