import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  evidenceRuleKeys,
  GoldenPath,
  goldenPathFromEntity,
  KNOWN_EVIDENCE_KEYS,
  TEMPLATE_SUCCEEDED_KEY,
} from '@onramp/backstage-plugin-golden-paths-common';
import { EVIDENCE_KEYS } from './actions/recordProgress';
import {
  DAY1_TEMPLATES,
  declaredByCiYaml,
  EXAMPLES_DIR,
  LOCAL_GIT_CI_KEYS,
  readYaml,
  SCM_WEBHOOK_KEYS,
  recordedByTemplate,
  waitedForByPath,
} from './__testUtils__/day1Templates';

/** A GoldenPath catalog entity (examples/golden-paths) read as its path. */
function asPath(entity: unknown): GoldenPath {
  const parsed = goldenPathFromEntity(entity);
  if (!parsed.success) {
    throw new Error(parsed.message);
  }
  return parsed.path;
}

/*
 * The six Day-1 paths wait only for evidence that something produces: their
 * Day-1 template's progress steps (and the outputs of its actions they
 * record), the .onramp/ci.yaml of the repository it creates, or the local
 * git server and CI runner (pr.opened, pr.merged, ci.passed). A key nothing
 * records would leave a step that can never complete.
 */
describe.each(DAY1_TEMPLATES)('the $pathTitle path', t => {
  it('loads, and every evidence key it waits for is produced by its template, its ci.yaml or the local git CI', async () => {
    const goldenPath = asPath(await readYaml(t.pathFile));
    expect(goldenPath.id).toBe(t.pathId);
    expect(await recordedByTemplate(t.dir)).toEqual(t.templateKeys);
    expect(await declaredByCiYaml(t.dir)).toEqual(t.ciKeys);
    // Action outputs a template records are keys the record action knows.
    expect(
      t.actionKeys.filter(
        k => !(EVIDENCE_KEYS as readonly string[]).includes(k),
      ),
    ).toEqual([]);
    const produced = new Set([
      ...t.templateKeys,
      ...t.actionKeys,
      ...t.ciKeys,
      ...LOCAL_GIT_CI_KEYS,
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
    const appConfig = await readYaml(
      path.resolve(EXAMPLES_DIR, '../app-config.yaml'),
    );
    expect(appConfig.catalog.locations).toContainEqual({
      type: 'file',
      // The e2e portal points ONRAMP_GOLDEN_PATHS_DIR at a per-run copy.
      target: `${'${'}ONRAMP_GOLDEN_PATHS_DIR:-../../examples/golden-paths}/${
        t.pathId
      }.yaml`,
      rules: [{ allow: ['GoldenPath'] }],
    });
    expect(appConfig.catalog.locations).toContainEqual({
      type: 'file',
      target: `../../examples/templates/${t.name}/template.yaml`,
      rules: [{ allow: ['Template'] }],
    });
    const mkdocs = await readYaml(
      path.join(EXAMPLES_DIR, 'handbook/mkdocs.yml'),
    );
    const pages = JSON.stringify(mkdocs.nav);
    const prefix = '/docs/default/component/onramp-handbook/';
    const goldenPath = asPath(await readYaml(t.pathFile));
    const urls: string[] = goldenPath.steps.map((s: any) => s.tutorial.url);
    // Each tutorial is a handbook page in the nav, or the template itself.
    const problems = await Promise.all(
      urls.map(async url => {
        if (!url.startsWith(prefix)) return [];
        const page = `${url.slice(prefix.length)}.md`;
        const file = path.join(EXAMPLES_DIR, 'handbook/docs', page);
        const exists = await fs.access(file).then(
          () => true,
          () => false,
        );
        return exists && pages.includes(page) ? [] : [url];
      }),
    );
    expect(problems.flat()).toEqual([]);
    expect(urls.filter(url => !url.startsWith(prefix))).toEqual(
      t.templateTutorial ? [`/catalog/default/template/${t.name}`] : [],
    );
  });
});

/*
 * The hint a waiting step shows (golden-paths-common evidenceHints.ts): its
 * own evidenceHint, else a sentence per key from KNOWN_EVIDENCE_KEYS. A key
 * with neither would show a generic sentence that names no producer.
 */
describe('the evidence hints of the example paths', () => {
  it('every key a path in examples/golden-paths waits for has an evidenceHint in the yaml or a sentence in KNOWN_EVIDENCE_KEYS', async () => {
    const dir = path.join(EXAMPLES_DIR, 'golden-paths');
    const files = (await fs.readdir(dir)).filter(f => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(DAY1_TEMPLATES.length);
    const unexplained: string[] = [];
    for (const file of files) {
      const goldenPath = asPath(await readYaml(path.join(dir, file)));
      for (const step of goldenPath.steps) {
        const { rule } = step;
        const waits: { keys: string[]; hint?: string; at: string }[] = [];
        const at = `${file} ${step.id}`;
        if (rule.type === 'template') {
          waits.push({ keys: [TEMPLATE_SUCCEEDED_KEY], at });
        } else if (rule.type === 'evidence') {
          waits.push({ keys: evidenceRuleKeys(rule), at });
        } else if (rule.type === 'checks') {
          for (const c of rule.checks) {
            if (c.rule.type !== 'evidence') continue;
            const keys = evidenceRuleKeys(c.rule);
            waits.push({ keys, hint: c.evidenceHint, at: `${at}/${c.id}` });
          }
        }
        for (const wait of waits) {
          if (wait.hint ?? step.evidenceHint) continue;
          for (const key of wait.keys) {
            if (!KNOWN_EVIDENCE_KEYS[key])
              unexplained.push(`${wait.at}: ${key}`);
          }
        }
      }
    }
    expect(unexplained).toEqual([]);
  });

  it('KNOWN_EVIDENCE_KEYS names only keys a path waits for or something produces', async () => {
    const known = new Set([
      ...LOCAL_GIT_CI_KEYS,
      ...SCM_WEBHOOK_KEYS,
      ...EVIDENCE_KEYS,
    ]);
    for (const t of DAY1_TEMPLATES) {
      const goldenPath = asPath(await readYaml(t.pathFile));
      for (const key of [
        ...waitedForByPath(goldenPath),
        ...t.templateKeys,
        ...t.ciKeys,
      ]) {
        known.add(key);
      }
    }
    expect(Object.keys(KNOWN_EVIDENCE_KEYS).filter(k => !known.has(k))).toEqual(
      [],
    );
  });
});
