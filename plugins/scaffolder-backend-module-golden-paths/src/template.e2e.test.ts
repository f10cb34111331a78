import { promises as fs } from 'node:fs';
import { execFile } from 'node:child_process';
import path from 'node:path';
import yaml from 'yaml';
import {
  cloneLocal,
  makeTempDir,
  typeCheckRendered,
} from './__testUtils__/context';
import {
  createDay1Task,
  DAY1_APP_BASE_URL,
  DAY1_USER,
  DAY1_VALUES,
  day1DryRunBody,
  startDay1Backend,
  stepTimings,
  waitForTask,
} from './__testUtils__/day1Backend';

/*
 * The Day-1 template through the real scaffolder backend (see
 * __testUtils__/day1Backend.ts): the scaffolder plugin, this module, real git
 * in a temporary root, a golden-paths stand-in implementing the evidence
 * contract and a catalog stand-in whose addLocation reads the registered URL.
 */
const USER = DAY1_USER;

describe('the Day-1 template through the real scaffolder backend', () => {
  let root: string;
  let harness: Awaited<ReturnType<typeof startDay1Backend>>;
  let base: string;

  beforeAll(async () => {
    root = await makeTempDir('gp-e2e');
    harness = await startDay1Backend({ root });
    base = harness.base;
  }, 120_000);

  afterAll(async () => {
    await harness?.backend.stop();
    await fs.rm(root, { recursive: true, force: true });
  });

  beforeEach(() => {
    harness.record.evidence.length = 0;
    harness.record.registered.length = 0;
  });

  const request = (method: string, url: string, body?: unknown) =>
    harness.request(method, url, body);

  async function runTask() {
    const id = await createDay1Task(request);
    const { task, events } = await waitForTask(request, id);
    printTimings('real run', events);
    return task;
  }

  it('dry-run shows every step and creates nothing', async () => {
    const body = await day1DryRunBody();
    const template = body.template;
    const dryRunStarted = Date.now();
    const res = await request('POST', '/api/scaffolder/v2/dry-run', body);
    expect({ status: res.status, error: res.body?.error }).toEqual({
      status: 200,
      error: undefined,
    });
    // eslint-disable-next-line no-console
    console.log(
      `Day-1 template dry-run (embedded default): ${
        Date.now() - dryRunStarted
      } ms (target < 5000 ms)`,
    );
    const messages: string[] = res.body.log.map(
      (l: any) => l.body.message ?? '',
    );
    for (const step of template.spec.steps.filter((s: any) => !s.if)) {
      expect(messages.some(m => m.includes(step.name))).toBe(true);
    }
    expect(messages.join('\n')).toMatch(/Dry run: would push \d+ files/);
    expect(messages.join('\n')).toMatch(
      /Dry run: would commit to repository deployments#main: \+3/,
    );
    expect(messages.join('\n')).toMatch(/Dry run: would record evidence /);
    expect(messages.join('\n')).toContain(
      'day-one-svc is free: no Component and no repository of that name',
    );
    // The task page leads back to the path that started the run.
    expect(res.body.output.links[0]).toEqual({
      title: 'Back to your Backend path',
      icon: 'dashboard',
      url: '/golden-paths/backend-day-1',
    });
    await expect(fs.stat(path.join(root, 'git'))).rejects.toThrow(/ENOENT/);
    expect(harness.record.evidence).toEqual([]);
  }, 60_000);

  it('a real run completes, registers the published catalog-info.yaml and records evidence; a second run of the same name stops at the first step with one sentence and creates nothing', async () => {
    const { evidence, registered } = harness.record;
    const task = await runTask();
    // catalog:register adds the location, then analyses it once more.
    expect(registered.length).toBeGreaterThanOrEqual(1);
    expect(registered[0].target).toBe(
      `${base}/api/scaffolder/golden-paths/git/day-one-svc/raw/main/catalog-info.yaml`,
    );
    expect(yaml.parse(registered[0].content)).toMatchObject({
      kind: 'Component',
      metadata: {
        name: 'day-one-svc',
        // The Runtime card shows on Components that carry it.
        annotations: { 'onramp-golden-paths/service': 'day-one-svc' },
      },
      spec: { owner: 'group:default/backend', system: 'system:default/onramp' },
    });
    expect(evidence.map(e => e.key)).toEqual([
      'deploy.requested',
      'monitoring.configured',
      'dns.requested',
      'template.succeeded',
    ]);
    expect(
      evidence.every(e => e.userEntityRef === USER && e.taskId === task.id),
    ).toBe(true);
    expect(evidence[3].templateRef).toBe(
      'template:default/day-1-backend-service',
    );
    // End to end with the Day-1 golden path: every step that is not
    // self-attested is satisfied by what this run recorded.
    const day1Path = yaml.parse(
      await fs.readFile(
        path.resolve(
          __dirname,
          '../../../examples/golden-paths/backend-day-1.yaml',
        ),
        'utf8',
      ),
    );
    const satisfied = (rule: any) => {
      switch (rule.type) {
        case 'template':
          return evidence.some(
            e =>
              e.key === 'template.succeeded' &&
              e.templateRef === rule.templateRef,
          );
        case 'evidence':
          return evidence.some(e => (rule.anyOf ?? [rule.key]).includes(e.key));
        default:
          return false;
      }
    };
    expect(
      // A GoldenPath catalog entity: the steps are in spec.
      day1Path.spec.steps.map((s: any) => [
        s.id,
        s.rule.type,
        satisfied(s.rule),
      ]),
    ).toEqual([
      ['dev-environment', 'manual', false],
      ['create-service', 'template', true],
      ['deploy', 'evidence', true],
      ['monitoring', 'evidence', true],
      ['dns', 'evidence', true],
    ]);

    const service = await cloneLocal(root, 'day-one-svc');
    expect(await service.read('src/app.ts')).toContain(
      "SERVICE_NAME = 'day-one-svc'",
    );
    // The rendered skeleton compiles and its own tests pass (with the
    // repository's TypeScript and Node types instead of an npm install).
    await typeCheckRendered(service.dir);
    const skeletonTests = await run(
      process.execPath,
      ['--test', 'dist/app.test.js'],
      service.dir,
    );
    expect(skeletonTests).toMatch(/# pass 2/);
    expect(skeletonTests).toMatch(/# fail 0/);
    const commits = async () =>
      Promise.all(
        ['day-one-svc', 'deployments', 'monitoring', 'dns'].map(async r =>
          (await cloneLocal(root, r)).commits(),
        ),
      );
    expect(await commits()).toEqual([1, 1, 1, 1]);

    // The same name again: the first step refuses it with one sentence (no
    // stack trace, no raw 409) and nothing is published or recorded.
    evidence.length = 0;
    const registrations = registered.length;
    const again = await createDay1Task(request);
    const failure = await waitForTask(request, again).then(
      () => undefined,
      e => e as Error,
    );
    expect(failure?.message).toBe(
      `task failed: name: day-one-svc is taken by group:backend; choose another name, or open it: ${DAY1_APP_BASE_URL}/catalog/default/component/day-one-svc`,
    );
    expect(await commits()).toEqual([1, 1, 1, 1]);
    expect(evidence).toEqual([]);
    expect(registered.length).toBe(registrations);
  }, 180_000);
});

describe('the Day-1 template started without the optional description', () => {
  let root: string;
  let harness: Awaited<ReturnType<typeof startDay1Backend>>;

  beforeAll(async () => {
    root = await makeTempDir('gp-e2e-nodesc');
    harness = await startDay1Backend({ root });
  }, 120_000);

  afterAll(async () => {
    await harness?.backend.stop();
    await fs.rm(root, { recursive: true, force: true });
  });

  it("succeeds with the template's default description, and shows no path of this machine", async () => {
    const { description: _, ...values } = DAY1_VALUES;
    const id = await createDay1Task(harness.request, values);
    const { events } = await waitForTask(harness.request, id);
    expect(yaml.parse(harness.record.registered[0].content)).toMatchObject({
      metadata: {
        name: 'day-one-svc',
        description: 'A backend service created on Day 1',
      },
    });
    const published = events.filter(e => e.body?.stepId === 'publish');
    expect(published.length).toBeGreaterThan(0);
    expect(JSON.stringify(published)).not.toContain('file://');
    expect(JSON.stringify(published)).not.toContain(root);
  }, 180_000);
});

/** Prints the per-step breakdown of a task from its events. */
function printTimings(label: string, events: any[]) {
  const times = events.map(e => Date.parse(e.createdAt));
  // eslint-disable-next-line no-console
  console.log(
    `Day-1 template ${label} (embedded default): ${
      Math.max(...times) - Math.min(...times)
    } ms (target < 30000 ms)\n${stepTimings(events)
      .map(s => `  ${s.stepId}: ${s.ms} ms`)
      .join('\n')}`,
  );
}

function run(command: string, args: string[], cwd?: string) {
  return new Promise<string>((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${args.join(' ')}: ${stdout}${stderr}`));
        else resolve(stdout);
      },
    );
  });
}
