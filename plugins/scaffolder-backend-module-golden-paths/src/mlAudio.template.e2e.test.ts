import { promises as fs } from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { cloneLocal, makeTempDir } from './__testUtils__/context';
import { runCiYamlSteps } from './__testUtils__/ciYaml';
import {
  DAY1_USER,
  day1DryRunBody,
  listFiles,
  readTemplateEntity,
  startDay1Backend,
  waitForTask,
} from './__testUtils__/day1Backend';
import { day1Templates, readYaml } from './__testUtils__/day1Templates';

/*
 * The Machine Learning and Audio Processing Day-1 templates through the real
 * scaffolder backend (the harness of template.e2e.test.ts: real git under a
 * temporary root, the evidence and catalog stand-ins), then the published
 * repository's own .onramp/ci.yaml as the local CI runner runs it, and the
 * path's steps against what the run and its CI recorded.
 */
describe.each(
  day1Templates('day-1-machine-learning', 'day-1-audio-processing'),
)('the $pathTitle Day-1 template through the real scaffolder backend', t => {
  let root: string;
  let harness: Awaited<ReturnType<typeof startDay1Backend>>;
  const owner = t.owner;
  const values = { name: t.repository, owner, description: 'Made by a test' };

  beforeAll(async () => {
    root = await makeTempDir(`gp-e2e-${t.repository}`);
    harness = await startDay1Backend({
      root,
      templates: [await readTemplateEntity(t.dir)],
    });
  }, 120_000);

  afterAll(async () => {
    await harness?.backend.stop();
    await fs.rm(root, { recursive: true, force: true });
  });

  it('dry-run shows every step, leads back to the path and creates nothing', async () => {
    const body = await day1DryRunBody(values, t.dir);
    const res = await harness.request(
      'POST',
      '/api/scaffolder/v2/dry-run',
      body,
    );
    expect({ status: res.status, error: res.body?.error }).toEqual({
      status: 200,
      error: undefined,
    });
    const messages = res.body.log
      .map((l: any) => l.body.message ?? '')
      .join('\n');
    for (const step of body.template.spec.steps) {
      expect(messages).toContain(step.name);
    }
    expect(messages).toContain(
      `${t.repository} is free: no Component and no repository of that name`,
    );
    expect(messages).toMatch(/Dry run: would push \d+ files/);
    expect(messages).toMatch(/Dry run: would record evidence /);
    expect(res.body.output.links[0]).toEqual({
      title: `Back to your ${t.pathTitle} path`,
      icon: 'dashboard',
      url: `/golden-paths/${t.pathId}`,
    });
    await expect(fs.stat(path.join(root, 'git'))).rejects.toThrow(/ENOENT/);
    expect(harness.record.evidence).toEqual([]);
  }, 60_000);

  it('a real run publishes and registers the repository and records template.succeeded; the published repository passes its own CI; the path shows the progress', async () => {
    const { evidence, registered } = harness.record;
    const created = await harness.request('POST', '/api/scaffolder/v2/tasks', {
      templateRef: t.ref,
      values,
    });
    expect(created.status).toBe(201);
    const { task } = await waitForTask(harness.request, created.body.id);

    expect(registered[0].target).toBe(
      `${harness.base}/api/scaffolder/golden-paths/git/${t.repository}/raw/main/catalog-info.yaml`,
    );
    expect(yaml.parse(registered[0].content)).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: t.repository,
        description: 'Made by a test',
        annotations: { 'backstage.io/source-template': t.ref },
        tags: expect.arrayContaining(['python', 'golden-path']),
      },
      spec: {
        type: expect.any(String),
        lifecycle: 'experimental',
        owner,
      },
    });
    expect(evidence).toEqual([
      expect.objectContaining({
        key: 'template.succeeded',
        userEntityRef: DAY1_USER,
        taskId: task.id,
        templateRef: t.ref,
        outputs: {
          repository: `${harness.base}/api/scaffolder/golden-paths/git/${t.repository}/raw/main`,
          commitHash: expect.stringMatching(/^[0-9a-f]{40}$/),
        },
      }),
    ]);

    // Sources and samples are published as they are in the skeleton; the
    // README and catalog-info.yaml are rendered.
    const repo = await cloneLocal(root, t.repository);
    expect(await repo.commits()).toBe(1);
    const skeleton = path.join(t.dir, 'skeleton');
    const rendered = ['README.md', 'catalog-info.yaml'];
    const files = (await listFiles(skeleton)).filter(
      f => !f.includes('__pycache__'),
    );
    const differing = [];
    for (const file of files.filter(f => !rendered.includes(f))) {
      const published = await fs.readFile(path.join(repo.dir, file));
      const shipped = await fs.readFile(path.join(skeleton, file));
      if (!published.equals(shipped)) differing.push(file);
    }
    expect(differing).toEqual([]);
    for (const file of rendered) {
      expect(await repo.read(file)).not.toContain('${{');
    }
    expect(await repo.read('README.md')).toMatch(
      new RegExp(`^# ${t.repository}\n\nMade by a test\n`),
    );

    // What the local CI runner does on a push of this repository.
    const ci = await runCiYamlSteps(repo.dir);
    const ciEvidence = ci.flatMap(r =>
      r.step.evidence && r.evidence ? [r.step.evidence] : [],
    );
    expect(ciEvidence).toEqual(t.ciKeys);

    // The path: the template step is done by this run, the CI steps by
    // what the runner records on a push (the step's key, then ci.passed
    // as every step passed); the merge and the dev environment wait.
    const recorded = [
      ...evidence.map(e => ({ key: e.key, templateRef: e.templateRef })),
      ...ciEvidence.map(key => ({ key, templateRef: undefined })),
      { key: 'ci.passed', templateRef: undefined },
    ];
    const { spec: goldenPath } = await readYaml(t.pathFile);
    const satisfied = (rule: any) =>
      rule.type === 'template'
        ? recorded.some(
            e =>
              e.key === 'template.succeeded' &&
              e.templateRef === rule.templateRef,
          )
        : rule.type === 'evidence' &&
          recorded.some(e => (rule.anyOf ?? [rule.key]).includes(e.key));
    expect(
      goldenPath.steps.map((s: any) => [s.rule.type, satisfied(s.rule)]),
    ).toEqual([
      ['manual', false],
      ['template', true],
      ['evidence', true],
      ['evidence', true],
      ['evidence', false],
    ]);
    expect(goldenPath.steps[4].rule.key).toBe('pr.merged');
  }, 180_000);
});
