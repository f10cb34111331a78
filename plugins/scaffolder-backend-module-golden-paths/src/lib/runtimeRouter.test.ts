import { mockCredentials } from '@backstage/backend-test-utils';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { makeTempDir, pushCommit } from '../__testUtils__/context';
import {
  DAY1_USER,
  DEPLOY_TEMPLATE,
  startDay1Backend,
  waitForTask,
} from '../__testUtils__/day1Backend';
import { httpGet } from './httpGet';

/*
 * The Runtime card's routes through the real scaffolder backend, with a real
 * LocalRuntime running a tiny real service (deployed by goldenpath:deploy):
 * real processes, real ports, real git.
 */
const SERVICE = 'rt-svc';
const OWNER = DAY1_USER; // a member of group:default/backend, the owner
const STRANGER = 'user:default/lee.outsider';
const ADMIN = 'user:default/amara.okafor';

const SERVICE_FILES = {
  'package.json': JSON.stringify({ scripts: { start: 'node main.js' } }),
  'main.js': `const http = require('node:http');
console.log('rt-svc: listening on ' + process.env.PORT + ' from ' + __dirname);
http.createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(req.url === '/health'
    ? { status: 'ok', commit: process.env.GIT_COMMIT }
    : { message: 'hello' }));
}).listen(Number(process.env.PORT), process.env.HOST);
`,
};

const ENTITIES = [
  {
    kind: 'Component',
    metadata: { name: SERVICE, namespace: 'default' },
    spec: { owner: 'backend' },
  },
  {
    kind: 'User',
    metadata: { name: 'sofia.marquez', namespace: 'default' },
    spec: { memberOf: ['backend'] },
  },
];

describe('/api/scaffolder/golden-paths/runtime/:name on the local runtime (this machine)', () => {
  let root: string;
  let harness: Awaited<ReturnType<typeof startDay1Backend>>;
  let commit: string;

  const call = async (user: string, method: string, url: string) => {
    const res = await fetch(`${harness.base}/api/scaffolder${url}`, {
      method,
      headers: { authorization: mockCredentials.user.header(user) },
    });
    return { status: res.status, text: await res.text() };
  };
  const get = async (user = OWNER) => {
    const res = await call(user, 'GET', `/golden-paths/runtime/${SERVICE}`);
    expect(res.status).toBe(200);
    return JSON.parse(res.text);
  };
  const post = (user: string, action: string) =>
    call(user, 'POST', `/golden-paths/runtime/${SERVICE}/${action}`);
  const pid = async () =>
    JSON.parse(
      await fs.readFile(
        path.join(root, 'runtime', 'services', SERVICE, 'pid.json'),
        'utf8',
      ),
    ).pid as number;
  const untilRunning = async () => {
    for (let i = 0; i < 150; i++) {
      const body = await get();
      if (body.status === 'running') return body;
      await new Promise(r => setTimeout(r, 100));
    }
    throw new Error(
      `${SERVICE} did not come back: ${JSON.stringify(await get())}`,
    );
  };

  beforeAll(async () => {
    root = await makeTempDir('gp-runtime-card');
    harness = await startDay1Backend({
      root,
      goldenPaths: {
        providers: { deploy: 'local' },
        deploy: {
          local: {
            runtimeDir: path.join(root, 'runtime'),
            // The ports this suite may use on the shared machine.
            ports: { from: 42100, to: 42199 },
          },
        },
      },
      templates: [DEPLOY_TEMPLATE],
      entities: ENTITIES,
      config: { onramp: { permission: { admins: [ADMIN] } } },
    });
    commit = await pushCommit(root, SERVICE, SERVICE_FILES);
    const task = await harness.request('POST', '/api/scaffolder/v2/tasks', {
      templateRef: 'template:default/day-1-deploy',
      values: { name: SERVICE },
    });
    await waitForTask(harness.request, task.body.id);
  }, 120_000);

  afterAll(async () => {
    await harness?.backend.stop();
    await fs.rm(root, { recursive: true, force: true });
  });

  it('shows the owner status, URL, commit, uptime, restarts, the health check, the log and the actions, with no path of this machine', async () => {
    const res = await call(OWNER, 'GET', `/golden-paths/runtime/${SERVICE}`);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(root);
    expect(res.text).not.toContain('file://');
    const body = JSON.parse(res.text);
    expect(body).toMatchObject({
      name: SERVICE,
      runtime: 'local runtime (this machine)',
      status: 'running',
      commit,
      restarts: 0,
      allowedActions: ['restart', 'stop'],
      lastHealthCheck: { ok: true },
    });
    expect(body.url).toMatch(/^http:\/\/rt-svc\.localhost:\d+\/$/);
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(Date.parse(body.startedAt)).not.toBeNaN();
    expect(body.lastHealthCheck.summary).toContain(commit);
    const port = body.url.match(/:(\d+)\/$/)[1];
    expect(body.logLines.join('\n')).toContain(
      `rt-svc: listening on ${port} from ${commit}`,
    );
    expect(body.logLines.length).toBeLessThanOrEqual(50);
    expect(body.notAllowedReason).toBeUndefined();
  });

  it('shows anyone else the same service without actions, and answers 403 to their restart and stop, changing nothing', async () => {
    const before = await pid();
    const body = await get(STRANGER);
    expect(body.status).toBe('running');
    expect(body.allowedActions).toEqual([]);
    expect(body.notAllowedReason).toBe(
      'Only the owner of component:default/rt-svc (group:default/backend) or an admin may restart or stop rt-svc',
    );
    for (const action of ['restart', 'stop']) {
      const res = await post(STRANGER, action);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.text).error.message).toBe(body.notAllowedReason);
    }
    expect(await pid()).toBe(before);
    expect(await get()).toMatchObject({ status: 'running', restarts: 0 });
  });

  it('restarts for the owner: a new process, one more restart, running again on the same URL', async () => {
    const before = await get();
    const oldPid = await pid();
    const res = await post(OWNER, 'restart');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).restarts).toBe(1);
    expect(await pid()).not.toBe(oldPid);
    const after = await untilRunning();
    expect(after).toMatchObject({ url: before.url, commit, restarts: 1 });
    expect(after.logLines.join('\n')).toContain(`restart asked by ${OWNER}`);
  });

  it('stops for an admin (the port closes) and starts again', async () => {
    const { url } = await get();
    const stopped = await post(ADMIN, 'stop');
    expect(stopped.status).toBe(200);
    expect(JSON.parse(stopped.text)).toMatchObject({
      status: 'stopped',
      allowedActions: ['start'],
    });
    expect(JSON.parse(stopped.text).startedAt).toBeUndefined();
    await expect(
      httpGet(`${url}health`, AbortSignal.timeout(2000)),
    ).rejects.toThrow(/ECONNREFUSED/);
    expect((await get(STRANGER)).status).toBe('stopped');

    const started = await post(ADMIN, 'start');
    expect(started.status).toBe(200);
    const back = await untilRunning();
    expect(back).toMatchObject({ url, commit });
    const health = await httpGet(`${url}health`, AbortSignal.timeout(2000));
    expect(JSON.parse(health.body).commit).toBe(commit);
  });

  it('answers 404 for a service it does not run, 400 for a bad name, 404 for an unknown action, 401 without a user', async () => {
    const unknown = await call(
      OWNER,
      'GET',
      '/golden-paths/runtime/no-such-svc',
    );
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text).error.message).toBe(
      'no-such-svc does not run on the local runtime (this machine): it was never deployed here, or it was torn down',
    );
    expect((await post(ADMIN, 'no-such-svc')).status).toBe(404);
    const badPost = await call(
      OWNER,
      'POST',
      '/golden-paths/runtime/no-such-svc/stop',
    );
    expect(badPost.status).toBe(404);
    const bad = await call(OWNER, 'GET', '/golden-paths/runtime/Bad_Name');
    expect(bad.status).toBe(400);
    const action = await post(OWNER, 'explode');
    expect(action.status).toBe(404);
    expect(JSON.parse(action.text).error.message).toContain(
      "Unknown runtime action 'explode'",
    );
    const anonymous = await fetch(
      `${harness.base}/api/scaffolder/golden-paths/runtime/${SERVICE}`,
      { headers: { authorization: mockCredentials.user.invalidHeader() } },
    );
    expect(anonymous.status).toBe(401);
    expect((await get()).status).toBe('running');
  });
});

describe('/api/scaffolder/golden-paths/runtime/:name with another deploy provider', () => {
  it('answers 404 with a sentence saying the local runtime is not in use', async () => {
    const root = await makeTempDir('gp-runtime-gitops');
    const harness = await startDay1Backend({ root });
    try {
      const res = await harness.request(
        'GET',
        '/api/scaffolder/golden-paths/runtime/day1-foo',
      );
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe(
        "Day-1 services here are deployed by the 'gitops' provider, not the local runtime (this machine): there is no runtime to show for day1-foo",
      );
    } finally {
      await harness.backend.stop();
      await fs.rm(root, { recursive: true, force: true });
    }
  }, 60_000);
});
