import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  makeContext,
  testLinks,
  testSettings,
  useTempRoot,
} from '../__testUtils__/context';
import { itRunsEveryExample } from '../__testUtils__/examples';
import { authorEnv, git } from '../lib/git';
import { createServiceNameChecker } from '../lib/nameCheck';
import { createNameCheckAction } from './nameCheck';
import { examples } from './nameCheck.examples';

const PORTAL = 'http://portal.test';

describe('goldenpath:name:check (catalog stand-in, real git)', () => {
  let root = '';
  useTempRoot(dir => (root = dir), 'gp-name');
  let components: any[];
  let catalog: { getEntityByRef: jest.Mock };

  beforeEach(() => {
    components = [];
    catalog = {
      getEntityByRef: jest.fn(async (ref: any) =>
        components.find(
          c =>
            ref.kind === 'component' &&
            ref.namespace === 'default' &&
            c.metadata.name === ref.name,
        ),
      ),
    };
  });

  const action = () =>
    createNameCheckAction({
      check: createServiceNameChecker({
        settings: testSettings(root, {
          goldenPaths: { git: { serveLocalRepositories: true } },
        }),
        catalog: catalog as any,
        links: testLinks,
        appBaseUrl: PORTAL,
      }),
    });

  async function run(name: string, taskId = 'task-1') {
    const { ctx, outputs } = makeContext({ input: { name }, taskId });
    const error = await action()
      .handler(ctx)
      .then(
        () => undefined,
        e => e as Error,
      );
    return { ctx, outputs, error };
  }

  /** A repository as goldenpath:publish leaves it, created by `taskId`. */
  async function publishedRepository(name: string, taskId: string) {
    const gitDir = path.join(root, 'git', `${name}.git`);
    await git(['init', '--bare', '--quiet', '--initial-branch=main', gitDir]);
    await git(['config', 'goldenpaths.createdByTask', taskId], {
      env: { GIT_DIR: gitDir },
    });
    const env = {
      GIT_DIR: gitDir,
      ...authorEnv({ name: 'Bot', email: 'bot@onramp.test' }),
    };
    const blob = await git(['hash-object', '-w', '--stdin'], {
      env,
      input: `kind: Component\nmetadata:\n  name: ${name}\nspec:\n  owner: group:default/payments\n`,
    });
    const tree = await git(['mktree'], {
      env,
      input: `100644 blob ${blob}\tcatalog-info.yaml\n`,
    });
    const commit = await git(['commit-tree', tree, '-m', 'Create'], { env });
    await git(['update-ref', 'refs/heads/main', commit], { env });
  }

  const entries = async () =>
    (await fs.readdir(root)).filter(e => !e.startsWith('.'));

  itRunsEveryExample(examples, async input => {
    const { outputs, error } = await run(input.name);
    expect(error).toBeUndefined();
    expect(outputs.available).toBe(true);
  });

  it('lets a free name pass, asking the catalog with the initiator credentials, and creates nothing', async () => {
    const { ctx, outputs, error } = await run('day1-foo');
    expect(error).toBeUndefined();
    expect(outputs).toEqual({ available: true });
    expect(catalog.getEntityByRef).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'day1-foo' },
      { credentials: await ctx.getInitiatorCredentials() },
    );
    expect(await entries()).toEqual([]);
  });

  it('fails with one sentence, no stack, when a Component of that name is in the catalog', async () => {
    components.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'day1-foo', namespace: 'default' },
      spec: { owner: 'group:default/backend', type: 'service' },
    });
    const { outputs, error } = await run('day1-foo');
    expect(error?.name).toBe('ConflictError');
    expect(error?.message).toBe(
      `day1-foo is taken by group:backend; choose another name, or open it: ${PORTAL}/catalog/default/component/day1-foo`,
    );
    expect(error?.stack).toBe(error?.message);
    expect(outputs.available).toBeUndefined();
    expect(await entries()).toEqual([]);
  });

  it('fails with one sentence when another task created the repository under the git root', async () => {
    await publishedRepository('day1-bar', 'task-0');
    const { error } = await run('day1-bar');
    expect(error?.message).toBe(
      'day1-bar is taken by group:payments; choose another name, or open it: http://backstage.test/api/scaffolder/golden-paths/git/day1-bar/raw/main/README.md',
    );
    expect(error?.stack).toBe(error?.message);
  });

  it("does not count the task's own repository: a retried run goes on", async () => {
    await publishedRepository('day1-bar', 'task-1');
    const { outputs, error } = await run('day1-bar', 'task-1');
    expect(error).toBeUndefined();
    expect(outputs.available).toBe(true);
  });

  it('names the bare repository when it has no catalog-info.yaml to name an owner', async () => {
    await git([
      'init',
      '--bare',
      '--quiet',
      path.join(root, 'git', 'day1-baz.git'),
    ]);
    const { error } = await run('day1-baz');
    expect(error?.message).toBe(
      'day1-baz is taken by the existing repository day1-baz; choose another name',
    );
  });

  it('refuses a name that is not a DNS label with an InputError and asks no one', async () => {
    const { error } = await run('Day1_Foo');
    expect(error?.name).toBe('InputError');
    expect(error?.message).toMatch(
      /^Invalid input to goldenpath:name:check: name: must be a DNS label/,
    );
    expect(error?.stack).toBe(error?.message);
    expect(catalog.getEntityByRef).not.toHaveBeenCalled();
  });
});
