import { promises as fs } from 'node:fs';
import path from 'node:path';
import { makeTempDir, pushCommit } from '../../__testUtils__/context';
import { httpGet } from '../httpGet';
import { LocalRuntime } from './runtime';

const MAIN = `require('node:http').createServer((req, res) => {
  res.end(JSON.stringify({ status: 'ok', commit: process.env.GIT_COMMIT }));
}).listen(Number(process.env.PORT), process.env.HOST);
`;

/* Stop and restart on a real LocalRuntime with a real process and port. */
describe('LocalRuntime stop and restart', () => {
  let root: string;
  const runtimes: LocalRuntime[] = [];
  const newRuntime = () => {
    const runtime = new LocalRuntime({
      settings: {
        runtimeDir: path.join(root, 'runtime'),
        ports: { from: 42150, to: 42199 },
        healthTimeoutMs: 20_000,
      },
    });
    runtimes.push(runtime);
    return runtime;
  };

  beforeAll(async () => {
    root = await makeTempDir('gp-runtime-stop');
  });
  afterAll(async () => {
    for (const runtime of runtimes) await runtime.shutdown();
    await fs.rm(root, { recursive: true, force: true });
  });

  it('a stopped service stays stopped when the next backend reconciles, and restart brings it back', async () => {
    const commit = await pushCommit(root, 'stop-svc', {
      'package.json': JSON.stringify({ scripts: { start: 'node main.js' } }),
      'main.js': MAIN,
    });
    const desired = {
      name: 'stop-svc',
      repository: 'stop-svc',
      remote: path.join(root, 'git', 'stop-svc.git'),
      commit,
      healthPath: '/health',
    };
    const first = newRuntime();
    const { port } = await first.run(desired);
    await first.waitHealthy('stop-svc', commit);
    expect(await first.stop('stop-svc', 'stop asked by a test')).toBe(true);
    await expect(
      httpGet(`http://127.0.0.1:${port}/`, AbortSignal.timeout(2000)),
    ).rejects.toThrow(/ECONNREFUSED/);
    await first.shutdown();

    // The next backend: the deploy repository still lists it, but it stays stopped.
    const second = newRuntime();
    expect(await second.reconcile([desired])).toEqual([]);
    expect(await second.status('stop-svc')).toMatchObject({
      stopped: true,
      running: false,
      port,
    });
    // Nothing supervises it here, so restart says so (the route then runs it).
    expect(await second.restart('stop-svc', 'restart')).toBe(false);
    await second.run(desired);
    await second.waitHealthy('stop-svc', commit);
    expect(await second.status('stop-svc')).toMatchObject({
      running: true,
      port,
    });
    expect((await second.status('stop-svc'))?.stopped).toBeUndefined();
    expect(await second.stop('no-such-svc', 'stop')).toBe(false);
  }, 60_000);
});
