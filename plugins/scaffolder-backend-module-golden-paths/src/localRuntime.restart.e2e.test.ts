import { ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { killed, startChild, waitFor } from './__testUtils__/childBackend';
import { makeTempDir } from './__testUtils__/context';
import {
  createDay1Task,
  day1Request,
  waitForTask,
} from './__testUtils__/day1Backend';
import { remoteBranchCommit } from './lib/git';
import { httpGet } from './lib/httpGet';

/*
 * The backend killed with SIGKILL and started again: the service the deploy
 * repository says should run comes back once, on the port it had. The
 * backend runs as a child process (__testUtils__/day1BackendProcess.ts) with
 * the local runtime under its root.
 */

/** Processes started by the runtime under `runtimeDir` (they load its watchdog). */
async function runtimeProcesses(runtimeDir: string) {
  const watchdog = path.join(runtimeDir, 'watchdog.cjs');
  const pids: number[] = [];
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await fs
      .readFile(`/proc/${entry}/cmdline`, 'utf8')
      .catch(() => '');
    if (cmdline.split('\0').includes(watchdog)) pids.push(Number(entry));
  }
  return pids;
}

describe('the local runtime after the backend is killed', () => {
  let root: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    root = await makeTempDir('gp-local-restart');
  });

  afterAll(async () => {
    for (const child of children) {
      child.kill('SIGKILL');
      await killed(child);
    }
    // The services follow their backend (their stdin closes).
    await waitFor(
      'the services to stop',
      async () =>
        (await runtimeProcesses(path.join(root, 'runtime'))).length === 0,
      20_000,
    );
    await fs.rm(root, { recursive: true, force: true });
  });

  it('brings the service back once, on its port, with no orphan left', async () => {
    const env = { DAY1_ROOT: root, DAY1_LOCAL_RUNTIME: '1' };
    const runtimeDir = path.join(root, 'runtime');
    const first = startChild(env);
    children.push(first.child);
    const request1 = day1Request(await first.ready);
    const taskId = await createDay1Task(request1);
    await waitForTask(request1, taskId, 120_000);
    const state = JSON.parse(
      await fs.readFile(
        path.join(runtimeDir, 'services', 'day-one-svc', 'state.json'),
        'utf8',
      ),
    );
    const commit = await remoteBranchCommit(
      path.join(root, 'git', 'day-one-svc.git'),
      'main',
    );
    const health = `http://day-one-svc.localhost:${state.port}/health`;
    const answer = () =>
      httpGet(health, AbortSignal.timeout(2000)).then(
        r => JSON.parse(r.body).commit,
        () => undefined,
      );
    expect(await answer()).toBe(commit);
    expect(await runtimeProcesses(runtimeDir)).toHaveLength(1);

    first.child.kill('SIGKILL');
    await killed(first.child);
    // No orphan: the service stops when its backend is gone.
    await waitFor(
      'the orphaned service to stop',
      async () => (await runtimeProcesses(runtimeDir)).length === 0,
      20_000,
    );
    expect(await answer()).toBeUndefined();

    const restarted = Date.now();
    const second = startChild(env);
    children.push(second.child);
    await second.ready;
    await waitFor(
      'the service to answer again',
      async () => (await answer()) === commit,
      60_000,
    );
    // eslint-disable-next-line no-console
    console.log(
      `Local runtime: backend start to the service answering again ${
        Date.now() - restarted
      } ms`,
    );
    expect(await runtimeProcesses(runtimeDir)).toHaveLength(1);
    const after = JSON.parse(
      await fs.readFile(
        path.join(runtimeDir, 'services', 'day-one-svc', 'state.json'),
        'utf8',
      ),
    );
    expect(after.port).toBe(state.port);
  }, 240_000);
});
