import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { JsonObject, JsonValue } from '@backstage/types';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GoldenPathsSettings, readSettings } from '../lib/config';
import { LinkBuilder } from '../lib/links';
import { authorEnv, git, remoteBranchCommit } from '../lib/git';

/**
 * A checkpoint store shaped like the scaffolder's: a successful checkpoint
 * is remembered under its key and not run again by a later run of the task.
 */
export class CheckpointStore {
  readonly values = new Map<string, JsonValue>();
  readonly runs: string[] = [];

  checkpoint = async <T extends JsonValue | void>(opts: {
    key: string;
    fn: () => Promise<T> | T;
  }): Promise<T> => {
    if (this.values.has(opts.key)) {
      return this.values.get(opts.key) as T;
    }
    this.runs.push(opts.key);
    const value = await opts.fn();
    this.values.set(opts.key, (value ?? {}) as JsonValue);
    return value as T;
  };
}

/** A temporary directory removed after the test file. */
export async function makeTempDir(prefix = 'gp-test') {
  return fs.mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
}

/** Settings for tests with everything under one temporary root. */
export function testSettings(root: string, extra: JsonObject = {}) {
  const { goldenPaths: extraGp = {}, ...rest } = extra as any;
  return readSettings(
    new ConfigReader({
      ...rest,
      goldenPaths: {
        ...extraGp,
        git: {
          root: path.join(root, 'git'),
          author: { name: 'Test Bot', email: 'bot@onramp.test' },
          ...(extraGp.git ?? {}),
        },
      },
    }),
  );
}

/**
 * An action context whose outputs are collected, with dry-run and a real
 * checkpoint store that the mock context would otherwise drop.
 */
export function makeContext(options: {
  input: JsonObject;
  workspacePath?: string;
  isDryRun?: boolean;
  checkpoints?: CheckpointStore;
  taskId?: string;
  userRef?: string;
}) {
  const outputs: Record<string, any> = {};
  const store = options.checkpoints ?? new CheckpointStore();
  const base = createMockActionContext({
    input: options.input,
    workspacePath: options.workspacePath,
  });
  const ctx = Object.assign(base, {
    isDryRun: options.isDryRun ?? false,
    checkpoint: store.checkpoint,
    output: (name: string, value: any) => {
      outputs[name] = value;
    },
    task: { id: options.taskId ?? 'task-1' },
    user: { ref: options.userRef ?? 'user:default/sofia.marquez' },
    logger: mockServices.logger.mock(),
  });
  return { ctx: ctx as any, outputs, store };
}

/** Clones a branch of a bare repository under the root into a fresh folder. */
export async function cloneLocal(root: string, name: string, branch = 'main') {
  const dir = await fs.mkdtemp(path.join(root, `clone-${name}-`));
  await git([
    'clone',
    '--quiet',
    '--branch',
    branch,
    path.join(root, 'git', `${name}.git`),
    dir,
  ]);
  return {
    dir,
    read: (file: string) => fs.readFile(path.join(dir, file), 'utf8'),
    commits: async () =>
      Number(await git(['rev-list', '--count', 'HEAD'], { cwd: dir })),
  };
}

/** Links as the module builds them, for a fixed base URL. */
export const testLinks = async (
  repository: string,
  branch: string,
  file: string,
) =>
  `http://backstage.test/api/scaffolder/golden-paths/git/${repository}/raw/${branch}/${file}`;

/** Runs an action's handler with a fresh context; resolves to its outputs. */
export async function runAction(
  action: { handler(ctx: any): Promise<void> },
  input: JsonObject,
  options: Omit<Parameters<typeof makeContext>[0], 'input'> = {},
) {
  const { ctx, outputs } = makeContext({ input, ...options });
  await action.handler(ctx);
  return outputs;
}

/**
 * Runs an action in dry-run, calls `between` (to check that nothing was
 * written), then runs it for real; resolves to the outputs of both.
 */
export async function dryRunThenRun(
  action: { handler(ctx: any): Promise<void> },
  input: JsonObject,
  between: () => unknown = () => undefined,
) {
  const dry = await runAction(action, input, { isDryRun: true });
  await between();
  const real = await runAction(action, input);
  return { dry, real };
}

/**
 * A fresh temporary directory for every test, removed after it; `use`
 * receives it, e.g. `useTempRoot(dir => (root = dir))`.
 */
export function useTempRoot(use: (dir: string) => void, prefix?: string) {
  let dir = '';
  beforeEach(async () => {
    dir = await makeTempDir(prefix);
    use(dir);
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));
}

/**
 * A factory of an action made from test settings under `root()` (plus extra
 * config) and test links, e.g. `actionUnder(createDnsAction, () => root)`.
 */
export function actionUnder<A>(
  make: (options: { settings: GoldenPathsSettings; links: LinkBuilder }) => A,
  root: () => string,
  extra?: JsonObject,
) {
  return () =>
    make({ settings: testSettings(root(), extra), links: testLinks });
}

/** Commits files to `root/git/<repository>.git` (made when missing) on main; returns the commit. */
export async function pushCommit(
  root: string,
  repository: string,
  files: Record<string, string>,
) {
  const remote = path.join(root, 'git', `${repository}.git`);
  const work = await makeTempDir('gp-push');
  const env = authorEnv({ name: 'Test', email: 'test@onramp.test' });
  if (await remoteBranchCommit(remote, 'main').catch(() => undefined)) {
    await git(['clone', '--quiet', remote, work]);
  } else {
    await git(['init', '--quiet', '--bare', '--initial-branch=main', remote]);
    await git(['init', '--quiet', '--initial-branch=main', work]);
  }
  for (const [file, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(work, file)), { recursive: true });
    await fs.writeFile(path.join(work, file), text);
  }
  await git(['add', '--all'], { cwd: work });
  await git(['commit', '--quiet', '-m', 'change'], { cwd: work, env });
  await git(['push', '--quiet', remote, 'HEAD:refs/heads/main'], { cwd: work });
  await fs.rm(work, { recursive: true, force: true });
  return (await remoteBranchCommit(remote, 'main'))!;
}

/**
 * Type-checks (and builds) a rendered TypeScript project with this
 * repository's TypeScript and Node types, as its `npm run build` would,
 * without an npm install. Throws with the compiler's output.
 */
export function typeCheckRendered(dir: string) {
  const repoRoot = path.resolve(__dirname, '../../../..');
  const args = [
    path.join(repoRoot, 'node_modules/typescript/bin/tsc'),
    '-p',
    dir,
    '--typeRoots',
    path.join(repoRoot, 'node_modules/@types'),
    '--types',
    'node',
  ];
  return new Promise<void>((resolve, reject) => {
    execFile(process.execPath, args, { timeout: 60_000 }, (error, out, err) =>
      error ? reject(new Error(`tsc -p ${dir}: ${out}${err}`)) : resolve(),
    );
  });
}
