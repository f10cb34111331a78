import { ChildProcess } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { killed, startChild, waitFor } from './__testUtils__/childBackend';
import { cloneLocal, makeTempDir } from './__testUtils__/context';
import {
  DAY1_USER,
  DAY1_VALUES,
  TEMPLATE_REF,
  day1Request,
} from './__testUtils__/day1Backend';

/*
 * A Day-1 run killed with SIGKILL in the middle and resumed by the
 * scaffolder's task recovery on a fresh backend process (same database, same
 * git root) completes, and nothing is created twice: each repository holds
 * one commit, the catalog entity is registered once, every evidence key is
 * recorded once.
 */
describe('a Day-1 run killed and retried', () => {
  let root: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    root = await makeTempDir('gp-recovery');
  });

  afterAll(async () => {
    for (const child of children) {
      child.kill('SIGKILL');
      await killed(child);
    }
    await fs.rm(root, { recursive: true, force: true });
  });

  it('resumes after SIGKILL on a new backend process and creates nothing twice', async () => {
    const env = {
      DAY1_ROOT: root,
      DAY1_LOG: path.join(root, 'evidence.jsonl'),
      DAY1_HANG: path.join(root, 'hang'),
    };
    await fs.writeFile(env.DAY1_HANG, '');

    const first = startChild(env);
    children.push(first.child);
    const base1 = await first.ready;
    const call = (base: string, method: string, url: string, body?: unknown) =>
      day1Request(base)(method, url, body);
    const created = await call(base1, 'POST', '/api/scaffolder/v2/tasks', {
      templateRef: TEMPLATE_REF,
      values: DAY1_VALUES,
    });
    expect(created.status).toBe(201);
    const taskId = created.body.id;

    // The first evidence request comes after publish, catalog:register and
    // deploy: the stand-in never answers it, and the process is killed there.
    await waitFor(
      'the first evidence request',
      () => existsSync(`${env.DAY1_HANG}.reached`),
      60_000,
    );
    const before = await call(
      base1,
      'GET',
      `/api/scaffolder/v2/tasks/${taskId}`,
    );
    expect(before.body.status).toBe('processing');
    first.child.kill('SIGKILL');
    await killed(first.child);
    const repos = ['day-one-svc', 'deployments', 'monitoring', 'dns'];
    const commits = async () =>
      Promise.all(
        repos.map(async r =>
          existsSync(path.join(root, 'git', `${r}.git`))
            ? (await cloneLocal(root, r)).commits()
            : 0,
        ),
      );
    expect(await commits()).toEqual([1, 1, 0, 0]);

    await fs.rm(env.DAY1_HANG);
    const second = startChild(env);
    children.push(second.child);
    const base2 = await second.ready;
    // Recovery runs every 10 s and picks up tasks without a heartbeat for 2 s.
    let task: any;
    await waitFor(
      'the recovered task to finish',
      async () => {
        task = (await call(base2, 'GET', `/api/scaffolder/v2/tasks/${taskId}`))
          .body;
        return ['completed', 'failed', 'cancelled'].includes(task.status);
      },
      90_000,
    );
    const events = (
      await call(base2, 'GET', `/api/scaffolder/v2/tasks/${taskId}/events`)
    ).body;
    const messages: string[] = events.map((e: any) => e.body?.message ?? '');
    expect({
      status: task.status,
      failed: messages.filter(m => /fail|error/i.test(m)),
    }).toEqual({
      status: 'completed',
      failed: [],
    });
    expect(messages.join('\n')).toMatch(
      /Task recovered - resuming from last known good state/,
    );
    expect(messages.join('\n')).toMatch(
      /Skipping step publish because it was already completed/,
    );

    expect(await commits()).toEqual([1, 1, 1, 1]);
    const evidence = (await fs.readFile(env.DAY1_LOG, 'utf8'))
      .trim()
      .split('\n')
      .map(line => JSON.parse(line));
    expect(evidence.map(e => e.key)).toEqual([
      'deploy.requested',
      'monitoring.configured',
      'dns.requested',
      'template.succeeded',
    ]);
    expect(new Set(evidence.map(e => e.evidenceId)).size).toBe(4);
    expect(
      evidence.every(e => e.taskId === taskId && e.userEntityRef === DAY1_USER),
    ).toBe(true);
  }, 180_000);
});
