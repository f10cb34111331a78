import { promises as fs } from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { readCiYaml } from './ciYaml';
import { makeTempDir } from './context';

/*
 * The Client, Data Engineering and Data Science Day-1 templates, their paths
 * and what their runs and CI record: shared by the clientData.* tests.
 */

// Test fixture only: the examples live outside this package.
export const CLIENT_DATA_EXAMPLES = path.resolve(
  __dirname,
  '../../../../examples',
);

/** Keys the local git server and the local CI runner record (issue 12). */
export const LOCAL_GIT_AND_CI_KEYS = ['pr.opened', 'pr.merged', 'ci.passed'];

export const CLIENT_DATA_TEMPLATES = [
  {
    name: 'day-1-client-feature',
    pathId: 'client-day-1',
    pathTitle: 'Client',
    owner: 'group:default/client',
    repository: 'day-one-web',
    templateKeys: [
      'deploy.healthy',
      'deploy.requested',
      'client.feature.visible',
      'template.succeeded',
    ],
    ciKeys: ['client.tests.passed'],
  },
  {
    name: 'day-1-data-engineering',
    pathId: 'data-engineering-day-1',
    pathTitle: 'Data Engineering',
    owner: 'group:default/data-engineering',
    repository: 'day-one-pipeline',
    templateKeys: ['template.succeeded'],
    ciKeys: [
      'pipeline.checks.passed',
      'pipeline.table.loaded',
      'pipeline.schedule.valid',
    ],
  },
  {
    name: 'day-1-data-science',
    pathId: 'data-science-day-1',
    pathTitle: 'Data Science',
    owner: 'group:default/data-science',
    repository: 'day-one-analysis',
    templateKeys: ['template.succeeded'],
    ciKeys: ['analysis.report.rendered'],
  },
].map(t => ({
  ...t,
  dir: path.join(CLIENT_DATA_EXAMPLES, 'templates', t.name),
  pathFile: path.join(CLIENT_DATA_EXAMPLES, 'golden-paths', `${t.pathId}.yaml`),
  ref: `template:default/${t.name}`,
}));

export type ClientDataTemplate = (typeof CLIENT_DATA_TEMPLATES)[number];

export async function readYamlFile(file: string) {
  return yaml.parse(await fs.readFile(file, 'utf8'));
}

/**
 * The evidence keys a template's goldenpath:progress:record steps can
 * record (both branches of a `'a' if ... else 'b'` key).
 */
export async function recordedByTemplate(dir: string) {
  const template = await readYamlFile(path.join(dir, 'template.yaml'));
  return (template.spec.steps as any[])
    .filter(s => s.action === 'goldenpath:progress:record')
    .flatMap(s => {
      const key = String(s.input.key);
      const quoted = [...key.matchAll(/'([a-z0-9.-]+)'/g)].map(m => m[1]);
      return key.startsWith('${{') ? quoted : [key];
    });
}

/** The evidence keys a skeleton's .onramp/ci.yaml declares. */
export async function declaredByCiYaml(dir: string) {
  const steps = await readCiYaml(path.join(dir, 'skeleton'));
  return steps.flatMap(s => (s.evidence ? [s.evidence] : []));
}

/** Every evidence key a path's steps and checks wait for. */
export function waitedForByPath(goldenPath: any): string[] {
  const keys = (rule: any): string[] =>
    rule.type === 'evidence' ? rule.anyOf ?? [rule.key] : [];
  return (goldenPath.steps as any[]).flatMap(s =>
    s.rule.type === 'checks'
      ? s.rule.checks.flatMap((c: any) => keys(c.rule))
      : keys(s.rule),
  );
}

/** A copy of a template's skeleton in a temporary directory. */
export async function copySkeleton(dir: string) {
  const copy = await makeTempDir('ci-yaml-client-data');
  await fs.cp(path.join(dir, 'skeleton'), copy, { recursive: true });
  return copy;
}
