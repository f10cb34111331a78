import { promises as fs } from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { readCiYaml } from './ciYaml';
import { makeTempDir } from './context';

/*
 * The six Day-1 templates, their paths and what their runs and CI record:
 * shared by the day1Templates.* tests and the template e2e tests.
 */

// Test fixture only: the examples live outside this package.
export const EXAMPLES_DIR = path.resolve(__dirname, '../../../../examples');

/** Keys the local git server and the local CI runner record. */
export const LOCAL_GIT_CI_KEYS = ['pr.opened', 'pr.merged', 'ci.passed'];

/**
 * Keys the SCM webhooks record (golden-paths-backend-module-scm-events, the
 * table in its README).
 */
export const SCM_WEBHOOK_KEYS = [
  'pr.opened',
  'pr.merged',
  'ci.passed',
  'deploy.healthy',
  'release.published',
];

const TEMPLATES = [
  {
    name: 'day-1-backend-service',
    pathId: 'backend-day-1',
    pathTitle: 'Backend',
    owner: 'group:default/backend',
    repository: 'day-one-svc',
    // Both branches of the deploy and DNS keys, the endpoint check, the
    // deploy after the check, and the run.
    templateKeys: [
      'deploy.healthy',
      'deploy.requested',
      'dns.resolves',
      'dns.requested',
      'endpoint.verified',
      'deploy.healthy',
      'template.succeeded',
    ],
    // goldenpath:monitoring's evidenceKey output, which the template records.
    actionKeys: ['monitoring.scraped', 'monitoring.configured'],
    ciKeys: [] as string[],
    templateTutorial: true,
  },
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
  {
    name: 'day-1-machine-learning',
    pathId: 'machine-learning-day-1',
    pathTitle: 'Machine Learning',
    owner: 'group:default/machine-learning',
    repository: 'day-one-model',
    templateKeys: ['template.succeeded'],
    ciKeys: ['ml.evaluated'],
    templateTutorial: true,
  },
  {
    name: 'day-1-audio-processing',
    pathId: 'audio-processing-day-1',
    pathTitle: 'Audio Processing',
    owner: 'group:default/audio-processing',
    repository: 'day-one-audio',
    templateKeys: ['template.succeeded'],
    ciKeys: ['audio.features'],
    templateTutorial: true,
  },
];

export const DAY1_TEMPLATES = TEMPLATES.map(t => ({
  actionKeys: [] as string[],
  /** Whether a step's tutorial is the template itself. */
  templateTutorial: false,
  ...t,
  dir: path.join(EXAMPLES_DIR, 'templates', t.name),
  pathFile: path.join(EXAMPLES_DIR, 'golden-paths', `${t.pathId}.yaml`),
  ref: `template:default/${t.name}`,
}));

export type Day1Template = (typeof DAY1_TEMPLATES)[number];

/** The Day-1 templates of these names, in this order. */
export function day1Templates(...names: string[]): Day1Template[] {
  return names.map(name => {
    const found = DAY1_TEMPLATES.find(t => t.name === name);
    if (!found) throw new Error(`No Day-1 template ${name}`);
    return found;
  });
}

export async function readYaml(file: string) {
  return yaml.parse(await fs.readFile(file, 'utf8'));
}

/**
 * The evidence keys a template's goldenpath:progress:record steps can
 * record (the quoted keys of a `'a' if ... else 'b'` expression; none for a
 * key that is another step's output).
 */
export async function recordedByTemplate(dir: string) {
  const template = await readYaml(path.join(dir, 'template.yaml'));
  return (template.spec.steps as any[])
    .filter(s => s.action === 'goldenpath:progress:record')
    .flatMap(s => {
      const key = String(s.input.key);
      const quoted = [...key.matchAll(/'([a-z0-9-]+(?:\.[a-z0-9-]+)+)'/g)].map(
        m => m[1],
      );
      return key.startsWith('${{') ? quoted : [key];
    });
}

/** The evidence keys a skeleton's .onramp/ci.yaml declares (none without one). */
export async function declaredByCiYaml(dir: string) {
  const skeleton = path.join(dir, 'skeleton');
  const hasCi = await fs.access(path.join(skeleton, '.onramp/ci.yaml')).then(
    () => true,
    () => false,
  );
  if (!hasCi) return [];
  const steps = await readCiYaml(skeleton);
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
  const copy = await makeTempDir('ci-yaml-day1');
  await fs.cp(path.join(dir, 'skeleton'), copy, { recursive: true });
  return copy;
}
