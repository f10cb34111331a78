import { promises as fs } from 'node:fs';
import path from 'node:path';
import { cloneLocal, makeTempDir, pushCommit } from './__testUtils__/context';
import {
  createDay1Task,
  day1DryRunBody,
  DEPLOY_TEMPLATE,
  localRuntimeConfig,
  startDay1Backend,
  TEARDOWN_TEMPLATE,
  waitForTask,
} from './__testUtils__/day1Backend';
import { remoteBranchCommit } from './lib/git';
import { httpGet } from './lib/httpGet';

/*
 * The Day-1 template through the real scaffolder with the local runtime as
 * the deploy provider (the embedded default): a real process on this
 * machine answers on its port with the commit just deployed, and teardown
 * stops it. Real git, real node processes, real ports.
 */
const get = (url: string) => httpGet(url, AbortSignal.timeout(5000));

/** The template's output, from the task's completion event. */
const outputOf = (events: any[]) =>
  events.find(e => e.type === 'completion').body.output;

describe('the local runtime (this machine) through the real scaffolder', () => {
  let root: string;
  let harness: Awaited<ReturnType<typeof startDay1Backend>>;
  const evidenceAt = new Map<string, number>();

  beforeAll(async () => {
    root = await makeTempDir('gp-local');
    harness = await startDay1Backend({
      root,
      goldenPaths: localRuntimeConfig(root),
      templates: [TEARDOWN_TEMPLATE, DEPLOY_TEMPLATE],
      onEvidence: body => {
        evidenceAt.set(body.key, Date.now());
        return true;
      },
    });
  }, 120_000);

  afterAll(async () => {
    await harness?.backend.stop();
    await fs.rm(root, { recursive: true, force: true });
  });

  const run = async (templateRef: string, values: Record<string, unknown>) => {
    const res = await harness.request('POST', '/api/scaffolder/v2/tasks', {
      templateRef,
      values,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('dry-run plans the local deploy and starts nothing', async () => {
    const res = await harness.request(
      'POST',
      '/api/scaffolder/v2/dry-run',
      await day1DryRunBody(),
    );
    expect(res.status).toBe(200);
    const messages = res.body.log.map((l: any) => l.body.message).join('\n');
    expect(messages).toContain(
      'Dry run: would build day-one-svc at the commit goldenpath:publish pushes and run it on the local runtime (this machine), then wait for /health to answer from that commit',
    );
    expect(messages).toMatch(/repository deployments#main: \+4/);
    expect(messages).not.toContain('file://');
    await expect(fs.stat(path.join(root, 'runtime'))).rejects.toThrow(/ENOENT/);
  }, 60_000);

  it('template -> a process answering with the new commit -> deploy.healthy -> redeploy on the same port -> teardown closes the port', async () => {
    const started = Date.now();
    const taskId = await createDay1Task(harness.request);
    const { events } = await waitForTask(harness.request, taskId);
    const keys = harness.record.evidence.map(e => e.key);
    expect(keys).toEqual([
      'deploy.healthy',
      'monitoring.scraped',
      'dns.requested',
      'endpoint.verified',
      'template.succeeded',
    ]);
    // eslint-disable-next-line no-console
    console.log(
      `Local runtime: task start to deploy.healthy ${
        evidenceAt.get('deploy.healthy')! - started
      } ms, whole run ${Date.now() - started} ms`,
    );

    const serviceUrl: string = outputOf(events).links.find(
      (l: any) => l.title === 'Service URL',
    ).url;
    const [, port] = serviceUrl.match(
      /^http:\/\/day-one-svc\.localhost:(\d+)\/$/,
    )!;
    const commit = await remoteBranchCommit(
      path.join(root, 'git', 'day-one-svc.git'),
      'main',
    );
    const health = await get(`${serviceUrl}health`);
    expect({ status: health.status, body: JSON.parse(health.body) }).toEqual({
      status: 200,
      body: { status: 'ok', service: 'day-one-svc', commit },
    });
    expect(JSON.parse((await get(serviceUrl)).body)).toEqual({
      message: 'Hello from day-one-svc',
    });
    const deployments = await cloneLocal(root, 'deployments');
    expect(
      await deployments.read('apps/day-one-svc/local-runtime.yaml'),
    ).toContain(`commit: ${commit}`);

    // A new commit: the new version replaces the old one on the same port.
    const newCommit = await pushCommit(root, 'day-one-svc', {
      'CHANGELOG.md': 'A change\n',
    });
    const redeploy = await run('template:default/day-1-deploy', {
      name: 'day-one-svc',
    });
    const redeployed = await waitForTask(harness.request, redeploy);
    expect(outputOf(redeployed.events)).toEqual({ serviceUrl, healthy: true });
    expect(JSON.parse((await get(`${serviceUrl}health`)).body).commit).toBe(
      newCommit,
    );

    const teardown = await run('template:default/day-1-teardown', {
      name: 'day-one-svc',
      createdByTask: taskId,
    });
    const done = await waitForTask(harness.request, teardown);
    const log = done.events.map(e => e.body?.message ?? '').join('\n');
    expect(log).toContain(
      `local runtime (this machine): day-one-svc on port ${port}`,
    );
    await expect(get(`${serviceUrl}health`)).rejects.toThrow(/ECONNREFUSED/);
    await expect(
      fs.stat(path.join(root, 'runtime', 'services', 'day-one-svc')),
    ).rejects.toThrow(/ENOENT/);
    const after = await cloneLocal(root, 'deployments');
    await expect(
      fs.stat(path.join(after.dir, 'apps', 'day-one-svc')),
    ).rejects.toThrow(/ENOENT/);
  }, 240_000);

  it('a service that crashes at start fails the step and says why, with its log lines', async () => {
    await pushCommit(root, 'crashy', {
      'package.json': JSON.stringify({ scripts: { start: 'node main.js' } }),
      'main.js':
        "console.error('crashy: DATABASE_URL is not set'); process.exit(3);\n",
    });
    const taskId = await run('template:default/day-1-deploy', {
      name: 'crashy',
    });
    const failure = await waitForTask(harness.request, taskId).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(failure).toContain(
      'crashy on the local runtime (this machine) exited with code 3 before /health answered',
    );
    expect(failure).toContain('crashy: DATABASE_URL is not set');
    expect(failure).toMatch(/Last \d+ log lines:/);
    expect(failure).not.toContain(root);

    const teardown = await run('template:default/day-1-teardown', {
      name: 'crashy',
      parts: ['deploy'],
    });
    await waitForTask(harness.request, teardown);
    await expect(
      fs.stat(path.join(root, 'runtime', 'services', 'crashy')),
    ).rejects.toThrow(/ENOENT/);
  }, 120_000);
});
