import { promises as fs } from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { runCiYamlSteps } from './__testUtils__/ciYaml';
import { day1Templates, readYaml } from './__testUtils__/day1Templates';
import {
  cloneLocal,
  makeTempDir,
  typeCheckRendered,
} from './__testUtils__/context';
import {
  DAY1_USER,
  localRuntimeConfig,
  readTemplateEntity,
  startDay1Backend,
  waitForTask,
} from './__testUtils__/day1Backend';
import { httpGet } from './lib/httpGet';
import { remoteBranchCommit } from './lib/git';

/*
 * The Client, Data Engineering and Data Science Day-1 templates through the
 * real scaffolder backend (the harness of template.e2e.test.ts: real git
 * under a temporary root, the evidence and catalog stand-ins) with the local
 * runtime as the deploy provider, as in the embedded default; then the
 * published repository's own .onramp/ci.yaml as the local CI runner runs it,
 * and the path's steps against what the run and its CI recorded.
 */

/** A finished run: its root, output, evidence and the published checkout. */
interface RunResult {
  root: string;
  output: any;
  evidence: any[];
  dir: string;
}

/** What each run must record, in order, and the path's steps it completes. */
const expected: Record<
  string,
  {
    keys: string[];
    steps: [string, boolean][];
    checkRun?: (run: RunResult) => Promise<void>;
  }
> = {
  'day-1-client-feature': {
    keys: ['deploy.healthy', 'client.feature.visible', 'template.succeeded'],
    steps: [
      ['dev-environment', false],
      ['create-feature', true],
      ['ship', true],
      ['tests', true],
      ['first-change', false],
    ],
    checkRun: run => checkClientApp(run),
  },
  'day-1-data-engineering': {
    keys: ['template.succeeded'],
    steps: [
      ['dev-environment', false],
      ['create-pipeline', true],
      ['data-quality', true],
      ['first-partition', true],
      ['schedule', true],
      ['first-change', false],
    ],
  },
  'day-1-data-science': {
    keys: ['template.succeeded'],
    steps: [
      ['dev-environment', false],
      ['create-analysis', true],
      ['report', true],
      ['share-finding', false],
    ],
  },
};

/**
 * The Client app runs on the local runtime from the published commit, its
 * page shows the feature (the flag ships on), and it type-checks and builds.
 */
async function checkClientApp(run: RunResult) {
  const { root, output, evidence } = run;
  const serviceUrl: string = output.links.find(
    (l: any) => l.title === 'Web app',
  ).url;
  const commit = await remoteBranchCommit(
    path.join(root, 'git', 'day-one-web.git'),
    'main',
  );
  const get = (p: string) =>
    httpGet(`${serviceUrl}${p}`, AbortSignal.timeout(5000));
  expect(JSON.parse((await get('health')).body)).toEqual({
    status: 'ok',
    service: 'day-one-web',
    commit,
  });
  expect((await get('')).body).toContain('data-feature="welcome-banner"');
  expect((await get('app.js')).body).toContain('welcome-banner-dismissed');
  expect(evidence[1]).toMatchObject({
    link: serviceUrl,
    outputs: { flag: 'welcome-banner', serviceUrl },
  });
  // The rendered app type-checks and builds with the repository's
  // TypeScript and Node types (what `npm run build` does).
  await typeCheckRendered(run.dir);
  await fs.access(path.join(run.dir, 'dist/web/app.js'));
}

/** Whether a step's rule is met by the recorded evidence. */
function satisfied(
  rule: any,
  recorded: { key: string; templateRef?: string }[],
): boolean {
  switch (rule.type) {
    case 'template':
      return recorded.some(
        e =>
          e.key === 'template.succeeded' && e.templateRef === rule.templateRef,
      );
    case 'evidence':
      return recorded.some(e => (rule.anyOf ?? [rule.key]).includes(e.key));
    case 'checks':
      return rule.checks.every((c: any) => satisfied(c.rule, recorded));
    default:
      return false;
  }
}

describe.each(
  day1Templates(
    'day-1-client-feature',
    'day-1-data-engineering',
    'day-1-data-science',
  ),
)('the $pathTitle Day-1 template through the real scaffolder backend', t => {
  let root: string;
  let harness: Awaited<ReturnType<typeof startDay1Backend>>;
  const values = {
    name: t.repository,
    owner: t.owner,
    description: 'Made by a test',
  };

  beforeAll(async () => {
    root = await makeTempDir(`gp-e2e-${t.repository}`);
    const runtime = localRuntimeConfig(root) as any;
    // This test's ports, apart from the other tests' local runtimes.
    runtime.deploy.local.ports = { from: 42550, to: 42599 };
    harness = await startDay1Backend({
      root,
      goldenPaths: runtime,
      templates: [await readTemplateEntity(t.dir)],
    });
  }, 120_000);

  afterAll(async () => {
    await harness?.backend.stop();
    await fs.rm(root, { recursive: true, force: true });
  });

  it('publishes and registers the repository, records its evidence, the repository passes its own CI and the path shows the progress', async () => {
    const { evidence, registered } = harness.record;
    const created = await harness.request('POST', '/api/scaffolder/v2/tasks', {
      templateRef: t.ref,
      values,
    });
    expect(created.status).toBe(201);
    const { task, events } = await waitForTask(
      harness.request,
      created.body.id,
    );

    expect(registered[0].target).toBe(
      `${harness.base}/api/scaffolder/golden-paths/git/${t.repository}/raw/main/catalog-info.yaml`,
    );
    expect(yaml.parse(registered[0].content)).toMatchObject({
      kind: 'Component',
      metadata: {
        name: t.repository,
        description: 'Made by a test',
        annotations: { 'backstage.io/source-template': t.ref },
      },
      spec: { owner: t.owner, lifecycle: 'experimental' },
    });
    expect(evidence.map(e => e.key)).toEqual(expected[t.name].keys);
    expect(
      evidence.every(
        e => e.userEntityRef === DAY1_USER && e.taskId === task.id,
      ),
    ).toBe(true);
    expect(evidence.at(-1)).toMatchObject({
      templateRef: t.ref,
      outputs: {
        repository: expect.stringContaining(
          `${harness.base}/api/scaffolder/golden-paths/git/${t.repository}`,
        ),
        commitHash: expect.stringMatching(/^[0-9a-f]{40}$/),
      },
    });
    const output = events.find(e => e.type === 'completion').body.output;
    expect(output.links[0]).toEqual({
      title: `Back to your ${t.pathTitle} path`,
      icon: 'dashboard',
      url: `/golden-paths/${t.pathId}`,
    });

    const repo = await cloneLocal(root, t.repository);
    expect(await repo.commits()).toBe(1);
    expect(await repo.read('README.md')).toMatch(
      new RegExp(`^# ${t.repository}\n\nMade by a test\n`),
    );

    await expected[t.name].checkRun?.({
      root,
      output,
      evidence,
      dir: repo.dir,
    });

    // What the local CI runner does on a push of this repository.
    const ci = await runCiYamlSteps(repo.dir);
    const ciKeys = ci.flatMap(r =>
      r.step.evidence && r.evidence ? [r.step.evidence] : [],
    );
    expect(ciKeys).toEqual(t.ciKeys);

    // The path: the template and CI steps are done by this run and by what
    // the runner records on a push (each step's key, then ci.passed); the
    // merge and the dev environment wait.
    const recorded = [
      ...evidence.map(e => ({ key: e.key, templateRef: e.templateRef })),
      ...ciKeys.map(key => ({ key })),
      { key: 'ci.passed' },
    ];
    const { spec: goldenPath } = await readYaml(t.pathFile);
    expect(
      goldenPath.steps.map((s: any) => [s.id, satisfied(s.rule, recorded)]),
    ).toEqual(expected[t.name].steps);
  }, 240_000);
});
