import { promises as fs } from 'node:fs';
import { execFile } from 'node:child_process';
import path from 'node:path';
import yaml from 'yaml';
import { cloneLocal, makeTempDir } from './__testUtils__/context';
import {
  createDay1Task,
  DAY1_USER,
  day1DryRunBody,
  startDay1Backend,
  stepTimings,
  waitForTask,
} from './__testUtils__/day1Backend';
import { git } from './lib/git';

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
      /Dry run: would commit to file:\/\/.*deployments.git#main: \+3/,
    );
    expect(messages.join('\n')).toMatch(/Dry run: would record evidence /);
    await expect(fs.stat(path.join(root, 'git'))).rejects.toThrow(/ENOENT/);
    expect(harness.record.evidence).toEqual([]);
  }, 60_000);

  it('a real run completes, registers the published catalog-info.yaml and records evidence; a second run creates nothing twice', async () => {
    const { evidence, registered } = harness.record;
    const task = await runTask();
    // catalog:register adds the location, then analyses it once more.
    expect(registered.length).toBeGreaterThanOrEqual(1);
    expect(registered[0].target).toBe(
      `${base}/api/scaffolder/golden-paths/git/day-one-svc/raw/main/catalog-info.yaml`,
    );
    expect(yaml.parse(registered[0].content)).toMatchObject({
      kind: 'Component',
      metadata: { name: 'day-one-svc' },
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
      day1Path.steps.map((s: any) => [s.id, s.rule.type, satisfied(s.rule)]),
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
    const repoRoot = path.resolve(__dirname, '../../..');
    await run(process.execPath, [
      path.join(repoRoot, 'node_modules/typescript/bin/tsc'),
      '-p',
      service.dir,
      '--typeRoots',
      path.join(repoRoot, 'node_modules/@types'),
      '--types',
      'node',
    ]);
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

    // The same request again (as a retried or repeated run): every step
    // finds its work done and nothing is committed twice.
    evidence.length = 0;
    await runTask();
    expect(await commits()).toEqual([1, 1, 1, 1]);
    const head = await git(['rev-parse', 'main'], {
      env: { GIT_DIR: path.join(root, 'git', 'day-one-svc.git') },
    });
    expect(head).toMatch(/^[0-9a-f]{40}$/);
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
