import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { makeTempDir } from '../../__testUtils__/context';
import { freePort } from '../../__testUtils__/servers';
import { authorEnv, git } from '../git';
import { httpGet } from '../httpGet';
import { LocalRuntime } from './runtime';
import { commandOf } from './supervisor';

// Debian's Python (CI installs it with python3-* packages); else python3 on PATH.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** A Python service with the standard library only: /health answers its commit. */
const APP = `import json, os
from http.server import BaseHTTPRequestHandler, HTTPServer

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == '/health':
            body = json.dumps({'status': 'ok', 'commit': os.environ['GIT_COMMIT']})
        else:
            body = json.dumps({'hello': 'from python'})
        self.send_response(200)
        self.send_header('Content-Type', 'application/json')
        self.end_headers()
        self.wfile.write(body.encode())

print('listening on', os.environ['PORT'], flush=True)
HTTPServer((os.environ['HOST'], int(os.environ['PORT'])), Handler).serve_forever()
`;

const AUTHOR = { name: 'Test', email: 'test@example.com' };

/** Commits everything in `dir`; the new commit. */
async function commitAll(dir: string, message: string) {
  await git(['add', '-A'], { cwd: dir });
  await git(['commit', '--quiet', '-m', message], {
    cwd: dir,
    env: {
      ...authorEnv(AUTHOR),
      GIT_COMMITTER_NAME: AUTHOR.name,
      GIT_COMMITTER_EMAIL: AUTHOR.email,
    },
  });
  return git(['rev-parse', 'HEAD'], { cwd: dir });
}

async function pythonRepository(root: string) {
  const dir = path.join(root, 'py-svc');
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'app.py'), APP);
  await git(['init', '--quiet', '-b', 'main'], { cwd: dir });
  return { dir, commit: await commitAll(dir, 'A Python service') };
}

describe('the local runtime with a Python service', () => {
  let root: string;
  let runtime: LocalRuntime;
  beforeEach(async () => {
    root = await makeTempDir('gp-python');
    const port = await freePort();
    runtime = new LocalRuntime({
      settings: {
        runtimeDir: path.join(root, 'runtime'),
        ports: { from: port, to: port },
        healthTimeoutMs: 20000,
        python: PYTHON,
      },
    });
  });
  afterEach(async () => {
    await runtime.shutdown();
    await fs.rm(root, { recursive: true, force: true });
  });

  it('runs app.py on the machine Python, healthy from its commit, and removes it', async () => {
    const source = await pythonRepository(root);
    const { port } = await runtime.run({
      name: 'py-svc',
      remote: source.dir,
      repository: 'py-svc',
      commit: source.commit,
      healthPath: '/health',
    });
    const health = await runtime.waitHealthy('py-svc', source.commit);
    expect(health.body).toEqual({ status: 'ok', commit: source.commit });
    const hello = await httpGet(
      `http://127.0.0.1:${port}/`,
      AbortSignal.timeout(5000),
    );
    expect(JSON.parse(hello.body)).toEqual({ hello: 'from python' });
    expect(await runtime.logTail('py-svc')).toContain(`listening on ${port}`);

    expect(await runtime.remove('py-svc')).toBe(true);
    await expect(
      httpGet(`http://127.0.0.1:${port}/health`, AbortSignal.timeout(5000)),
    ).rejects.toThrow();
  });

  it('says what a repository without a start point needs', async () => {
    const source = await pythonRepository(root);
    await fs.rm(path.join(source.dir, 'app.py'));
    await fs.writeFile(path.join(source.dir, 'service.py'), APP);
    const commit = await commitAll(source.dir, 'No app.py');
    await expect(
      runtime.run({
        name: 'py-svc',
        remote: source.dir,
        repository: 'py-svc',
        commit,
        healthPath: '/health',
      }),
    ).rejects.toThrow(/a Python service has app.py or main.py/);
  });

  it('stops a Python service when the backend goes away (its stdin closes)', async () => {
    await fs.writeFile(
      path.join(root, 'forever.py'),
      'import time\nprint("up", flush=True)\nwhile True:\n    time.sleep(1)\n',
    );
    const command = commandOf(
      { dir: root, entry: 'forever.py', kind: 'python' },
      'unused-for-python',
      PYTHON,
    );
    const child = spawn(command.file, command.args, {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>(resolve =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise(resolve => child.stdout!.once('data', resolve));
    child.stdin!.end();
    expect(await exited).toBe('SIGTERM');
  });
});
