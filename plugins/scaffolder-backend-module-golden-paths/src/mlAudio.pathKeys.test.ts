import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  evidenceRuleKeys,
  goldenPathSchema,
} from '@onramp/backstage-plugin-golden-paths-common';
import {
  ciEvidenceKeys,
  EXAMPLES_DIR,
  LOCAL_GIT_CI_KEYS,
  ML_AUDIO_TEMPLATES,
  readYaml,
  templateEvidenceKeys,
} from './__testUtils__/mlAudioTemplates';

/*
 * The Machine Learning and Audio Processing paths wait only for evidence
 * that something produces: their Day-1 template's progress steps, the
 * .onramp/ci.yaml of the repository it creates, or the local git server and
 * CI runner (pr.opened, pr.merged, ci.passed). A key nothing records would
 * leave a step that can never complete.
 */
describe.each(ML_AUDIO_TEMPLATES)('the $pathTitle path', t => {
  const repoRoot = path.resolve(EXAMPLES_DIR, '..');

  it('loads, and every evidence key it waits for is produced by its template, its ci.yaml or the local git CI', async () => {
    const goldenPath = goldenPathSchema.parse(
      await readYaml(path.join(EXAMPLES_DIR, 'golden-paths', t.pathFile)),
    );
    const produced = new Set([
      ...(await templateEvidenceKeys(t)),
      ...(await ciEvidenceKeys(t)),
      ...LOCAL_GIT_CI_KEYS,
    ]);
    expect(await ciEvidenceKeys(t)).toEqual([t.ciEvidence]);
    expect(await templateEvidenceKeys(t)).toEqual(['template.succeeded']);
    const waitedFor = goldenPath.steps.flatMap(s => {
      if (s.rule.type === 'evidence') return evidenceRuleKeys(s.rule);
      if (s.rule.type === 'checks') {
        return s.rule.checks.flatMap(c =>
          c.rule.type === 'evidence' ? evidenceRuleKeys(c.rule) : [],
        );
      }
      return [];
    });
    expect(waitedFor.filter(k => !produced.has(k))).toEqual([]);
    expect(waitedFor).toContain(t.ciEvidence);
    // The template step waits for this template's run.
    expect(
      goldenPath.steps
        .filter(s => s.rule.type === 'template')
        .map(s => (s.rule as { templateRef: string }).templateRef),
    ).toEqual([t.ref]);
    // Only the dev environment is self-attested.
    expect(
      goldenPath.steps.filter(s => s.rule.type === 'manual').map(s => s.id),
    ).toEqual(['dev-environment']);
    // Each step that waits for evidence says which key and where it comes from.
    for (const step of goldenPath.steps) {
      if (step.rule.type !== 'evidence') continue;
      for (const key of evidenceRuleKeys(step.rule)) {
        expect(`${step.id}: ${step.description}`).toContain(key);
      }
    }
  });

  it('is configured in the embedded default, with its template in the catalog and its tutorials in the handbook', async () => {
    const appConfig = await readYaml(path.join(repoRoot, 'app-config.yaml'));
    expect(appConfig.goldenPaths.paths).toContain(
      `../../examples/golden-paths/${t.pathFile}`,
    );
    expect(appConfig.catalog.locations).toContainEqual({
      type: 'file',
      target: `../../examples/templates/${t.name}/template.yaml`,
      rules: [{ allow: ['Template'] }],
    });
    const goldenPath = await readYaml(
      path.join(EXAMPLES_DIR, 'golden-paths', t.pathFile),
    );
    const handbookPrefix = '/docs/default/component/onramp-handbook/';
    const mkdocs = await fs.readFile(
      path.join(EXAMPLES_DIR, 'handbook/mkdocs.yml'),
      'utf8',
    );
    const urls: string[] = goldenPath.steps.map((s: any) => s.tutorial.url);
    const pages = urls
      .filter(url => url.startsWith(handbookPrefix))
      .map(url => `${url.slice(handbookPrefix.length)}.md`);
    for (const page of pages) {
      await fs.access(path.join(EXAMPLES_DIR, 'handbook/docs', page));
    }
    expect(pages.filter(page => !mkdocs.includes(page))).toEqual([]);
    expect(urls.filter(url => !url.startsWith(handbookPrefix))).toEqual([
      `/catalog/default/template/${t.name}`,
    ]);
  });
});
