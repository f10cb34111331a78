import { promises as fs } from 'node:fs';
import path from 'node:path';
import { goldenPathSchema } from '@onramp/backstage-plugin-golden-paths-common';
import {
  CLIENT_DATA_EXAMPLES,
  CLIENT_DATA_TEMPLATES,
  declaredByCiYaml,
  LOCAL_GIT_AND_CI_KEYS,
  readYamlFile,
  recordedByTemplate,
  waitedForByPath,
} from './__testUtils__/clientDataTemplates';

/*
 * The Client, Data Engineering and Data Science paths wait only for evidence
 * that something produces: their Day-1 template's progress steps, the
 * .onramp/ci.yaml of the repository it creates, or the local git server and
 * CI runner (pr.opened, pr.merged, ci.passed). A key nothing records would
 * leave a step that can never complete.
 */
describe.each(CLIENT_DATA_TEMPLATES)('the $pathTitle path', t => {
  it('loads, and every evidence key it waits for is produced by its template, its ci.yaml or the local git CI', async () => {
    const goldenPath = goldenPathSchema.parse(await readYamlFile(t.pathFile));
    expect(goldenPath.id).toBe(t.pathId);
    expect(await recordedByTemplate(t.dir)).toEqual(t.templateKeys);
    expect(await declaredByCiYaml(t.dir)).toEqual(t.ciKeys);
    const produced = new Set([
      ...t.templateKeys,
      ...t.ciKeys,
      ...LOCAL_GIT_AND_CI_KEYS,
    ]);
    const waitedFor = waitedForByPath(goldenPath);
    expect(waitedFor.filter(k => !produced.has(k))).toEqual([]);
    // Every key the skeleton's CI declares moves the path.
    expect(t.ciKeys.filter(k => !waitedFor.includes(k))).toEqual([]);
    // The template step waits for this template's run; only the dev
    // environment is self-attested.
    expect(
      goldenPath.steps.flatMap(s =>
        s.rule.type === 'template' ? [s.rule.templateRef] : [],
      ),
    ).toEqual([t.ref]);
    expect(
      goldenPath.steps.filter(s => s.rule.type === 'manual').map(s => s.id),
    ).toEqual(['dev-environment']);
    // Each step says which keys complete it (where its evidence comes from).
    for (const step of goldenPath.steps) {
      for (const key of waitedForByPath({ steps: [step] })) {
        expect(`${step.id}: ${step.description}`).toContain(key);
      }
    }
  });

  it('is configured in the embedded default, its template in the catalog and its tutorials in the handbook or the template', async () => {
    const appConfig = await readYamlFile(
      path.resolve(CLIENT_DATA_EXAMPLES, '../app-config.yaml'),
    );
    expect(appConfig.goldenPaths.paths).toContain(
      `../../examples/golden-paths/${t.pathId}.yaml`,
    );
    expect(appConfig.catalog.locations).toContainEqual({
      type: 'file',
      target: `../../examples/templates/${t.name}/template.yaml`,
      rules: [{ allow: ['Template'] }],
    });
    const mkdocs = await readYamlFile(
      path.join(CLIENT_DATA_EXAMPLES, 'handbook/mkdocs.yml'),
    );
    const pages = JSON.stringify(mkdocs.nav);
    const prefix = '/docs/default/component/onramp-handbook/';
    const goldenPath = await readYamlFile(t.pathFile);
    // Each tutorial is a handbook page in the nav, or the template itself.
    const problems = await Promise.all(
      (goldenPath.steps as any[]).map(async step => {
        const url: string = step.tutorial.url;
        if (!url.startsWith(prefix)) {
          return url === `/catalog/default/template/${t.name}` ? [] : [url];
        }
        const page = `${url.slice(prefix.length)}.md`;
        const file = path.join(CLIENT_DATA_EXAMPLES, 'handbook/docs', page);
        const exists = await fs.access(file).then(
          () => true,
          () => false,
        );
        return exists && pages.includes(page) ? [] : [url];
      }),
    );
    expect(problems.flat()).toEqual([]);
  });
});
