import { expect, Page } from '@playwright/test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { e2eGoldenPathsDir } from './support';

/**
 * Editing a Golden Path "in git" during a flow: the per-run copy of
 * examples/golden-paths the catalog reads (support.ts, e2eGoldenPathsDir),
 * then a catalog refresh as an adopter triggers it.
 */

const stepStart = (id: string) => `\n    - id: ${id}\n`;

/** Rewrites the path file `<pathId>.yaml` of this run's copy. */
export async function editGoldenPath(
  pathId: string,
  edit: (yaml: string) => string,
) {
  const file = path.join(e2eGoldenPathsDir(), `${pathId}.yaml`);
  await fs.writeFile(file, edit(await fs.readFile(file, 'utf8')));
}

function stepAt(yaml: string, id: string): number {
  const at = yaml.indexOf(stepStart(id));
  if (at < 0) {
    throw new Error(`The path has no step ${id}`);
  }
  return at + 1;
}

/** The path's text without the step `id` (its whole block). */
export function withoutStep(yaml: string, id: string): string {
  const start = stepAt(yaml, id);
  const next = yaml.indexOf('\n    - id: ', start);
  return yaml.slice(0, start) + (next < 0 ? '' : yaml.slice(next + 1));
}

/** The path's text with `step` (YAML lines of one step) before step `id`. */
export function withStepBefore(yaml: string, id: string, step: string) {
  const at = stepAt(yaml, id);
  return yaml.slice(0, at) + step + yaml.slice(at);
}

/** One step of a path file (indented as in examples/golden-paths). */
export function stepYaml(id: string, title: string, rule: string) {
  return `    - id: ${id}\n      title: ${title}\n      rule: ${rule}\n`;
}

/** The Authorization header the app sends for the person signed in. */
export async function bearerOf(page: Page): Promise<string> {
  const request = page.waitForRequest(
    r => r.url().includes('/api/') && !!r.headers().authorization,
  );
  await page.reload();
  return (await request).headers().authorization;
}

/**
 * Asks the catalog to process the path again now, as the person signed in
 * on `page` (POST /api/catalog/refresh, what the entity page's refresh
 * button calls), instead of waiting for its next pass.
 */
export async function refreshInCatalog(page: Page, pathId: string) {
  const response = await page.request.post('/api/catalog/refresh', {
    headers: { authorization: await bearerOf(page) },
    data: { entityRef: `goldenpath:default/${pathId}` },
  });
  expect(response.status()).toBe(200);
}

/**
 * Reloads `page` until `check` passes: the catalog processes the refreshed
 * location and the Golden Paths backend reads it again (its catalog cache,
 * goldenPaths.catalog.cacheSeconds, is 5 s) in their own time.
 */
export async function reloadUntil(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 60_000 });
}
