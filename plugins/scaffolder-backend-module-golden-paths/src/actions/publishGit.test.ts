import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  CheckpointStore,
  makeContext,
  makeTempDir,
  testSettings,
} from '../__testUtils__/context';
import { itRunsEveryExample } from '../__testUtils__/examples';
import { git } from '../lib/git';
import { createPublishGitAction } from './publishGit';
import { examples } from './publishGit.examples';

const localUrls = async (name: string, branch: string) => ({
  repoContentsUrl: `http://backstage.test/api/scaffolder/golden-paths/git/${name}/raw/${branch}`,
  catalogInfoBaseUrl: `http://backstage.test/api/scaffolder/golden-paths/git/${name}/raw/${branch}`,
});

describe('goldenpath:publish (against real git)', () => {
  let root: string;
  let workspace: string;

  beforeEach(async () => {
    root = await makeTempDir();
    workspace = path.join(root, 'workspace');
    await fs.mkdir(path.join(workspace, 'service', 'src'), { recursive: true });
    await fs.writeFile(
      path.join(workspace, 'catalog-info.yaml'),
      'kind: Component\n',
    );
    await fs.writeFile(path.join(workspace, 'service', 'README.md'), '# svc\n');
    await fs.writeFile(
      path.join(workspace, 'service', 'src', 'index.ts'),
      'export {};\n',
    );
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  const bare = (name: string) => path.join(root, 'git', `${name}.git`);
  const action = () =>
    createPublishGitAction({ settings: testSettings(root), localUrls });

  async function clone(name: string, branch = 'main') {
    const dir = path.join(root, `clone-${name}-${branch}`);
    await git(['clone', '--quiet', '--branch', branch, bare(name), dir]);
    return dir;
  }

  const expected = [
    {
      files: ['catalog-info.yaml', 'service/README.md', 'service/src/index.ts'],
      log: 'Test Bot <bot@onramp.test>|Initial commit',
    },
    {
      files: ['README.md', 'src/index.ts'],
      log: 'Sofia Marquez <sofia.marquez@onramp.example>|Create orders-api from the Day-1 golden path',
    },
  ];

  itRunsEveryExample(examples, async (input, i) => {
    const { ctx, outputs } = makeContext({ input, workspacePath: workspace });
    await action().handler(ctx);
    const branch = input.defaultBranch ?? 'main';
    // People see the portal's route, never a path on the server.
    expect(outputs.remoteUrl).toBe(
      `http://backstage.test/api/scaffolder/golden-paths/git/${input.repository}/raw/${branch}`,
    );
    const logged = JSON.stringify(ctx.logger.info.mock.calls);
    expect(logged).not.toContain('file://');
    expect(logged).not.toContain(root);
    const dir = await clone(input.repository, branch);
    expect(await git(['rev-parse', 'HEAD'], { cwd: dir })).toBe(
      outputs.commitHash,
    );
    const files = (await git(['ls-files'], { cwd: dir })).split('\n');
    expect(files.sort()).toEqual(expected[i].files);
    expect(
      await git(['log', '-1', '--format=%an <%ae>|%s'], { cwd: dir }),
    ).toBe(expected[i].log);
    expect(outputs.catalogInfoUrl).toBe(
      `http://backstage.test/api/scaffolder/golden-paths/git/${input.repository}/raw/${branch}/catalog-info.yaml`,
    );
  });

  it("commits as the task's catalog user, so the local git server attributes the first push to them", async () => {
    const { ctx } = makeContext({
      input: { repository: 'mine' },
      workspacePath: workspace,
    });
    ctx.user = {
      ref: 'user:default/sofia.marquez',
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'sofia.marquez' },
        spec: {
          profile: {
            displayName: 'Sofia Marquez',
            email: 'sofia.marquez@onramp.example',
          },
        },
      },
    };
    await action().handler(ctx);
    const dir = await clone('mine');
    expect(
      await git(['log', '-1', '--format=%an <%ae>|%cn <%ce>'], { cwd: dir }),
    ).toBe(
      'Sofia Marquez <sofia.marquez@onramp.example>|Sofia Marquez <sofia.marquez@onramp.example>',
    );
  });

  it('dry-run computes the change and creates nothing', async () => {
    const { ctx, outputs } = makeContext({
      input: { repository: 'dry' },
      workspacePath: workspace,
      isDryRun: true,
    });
    await action().handler(ctx);
    expect(outputs.remoteUrl).toBe(
      'http://backstage.test/api/scaffolder/golden-paths/git/dry/raw/main',
    );
    expect(JSON.stringify(ctx.logger.info.mock.calls)).not.toContain('file://');
    expect(outputs.commitHash).toBeUndefined();
    await expect(fs.stat(bare('dry'))).rejects.toThrow(/ENOENT/);
    await expect(fs.stat(path.join(workspace, '.git'))).rejects.toThrow(
      /ENOENT/,
    );
    expect(ctx.logger.info).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Dry run: would push 3 files \(tree [0-9a-f]{40}\)/,
      ),
    );
  });

  it('a retried task reuses its checkpoints and pushes once', async () => {
    const store = new CheckpointStore();
    const first = makeContext({
      input: { repository: 'retry' },
      workspacePath: workspace,
      checkpoints: store,
    });
    await action().handler(first.ctx);
    const second = makeContext({
      input: { repository: 'retry' },
      workspacePath: workspace,
      checkpoints: store,
    });
    await action().handler(second.ctx);
    expect(second.outputs.commitHash).toBe(first.outputs.commitHash);
    expect(store.runs).toHaveLength(2);
    const dir = await clone('retry');
    expect(await git(['rev-list', '--count', 'HEAD'], { cwd: dir })).toBe('1');
  });

  it('a run lost before its checkpoint was saved does not push twice', async () => {
    const first = makeContext({
      input: { repository: 'lost' },
      workspacePath: workspace,
    });
    await action().handler(first.ctx);
    // A fresh checkpoint store: as if the task died before recording success.
    const second = makeContext({
      input: { repository: 'lost' },
      workspacePath: workspace,
    });
    await action().handler(second.ctx);
    expect(second.outputs.commitHash).toBe(first.outputs.commitHash);
    const dir = await clone('lost');
    expect(await git(['rev-list', '--count', 'HEAD'], { cwd: dir })).toBe('1');
  });

  it('never overwrites a branch that holds different content', async () => {
    await action().handler(
      makeContext({ input: { repository: 'taken' }, workspacePath: workspace })
        .ctx,
    );
    await fs.writeFile(
      path.join(workspace, 'catalog-info.yaml'),
      'kind: Other\n',
    );
    await expect(
      action().handler(
        makeContext({
          input: { repository: 'taken' },
          workspacePath: workspace,
        }).ctx,
      ),
    ).rejects.toThrow(/already exists with different content/);
  });

  it('refuses to publish an empty workspace and creates no repository', async () => {
    const empty = path.join(root, 'empty-workspace');
    await fs.mkdir(empty, { recursive: true });
    await expect(
      action().handler(
        makeContext({ input: { repository: 'hollow' }, workspacePath: empty })
          .ctx,
      ),
    ).rejects.toThrow(/found no files in the workspace: nothing to publish/);
    await expect(fs.stat(bare('hollow'))).rejects.toThrow(/ENOENT/);
  });

  it('rejects a remote outside the allowed list and bad input', async () => {
    await expect(
      action().handler(
        makeContext({
          input: { repository: 'file:///etc/evil.git' },
          workspacePath: workspace,
        }).ctx,
      ),
    ).rejects.toThrow(/goldenPaths.git.allowedRemotes/);
    await expect(
      action().handler(
        makeContext({
          input: { repository: 'ok', gitAuthorEmail: 'nope' },
          workspacePath: workspace,
        }).ctx,
      ),
    ).rejects.toThrow(/Invalid input to goldenpath:publish: gitAuthorEmail/);
  });

  it('pushes to an allowed remote URL', async () => {
    const remote = path.join(root, 'elsewhere.git');
    await git(['init', '--bare', '--quiet', remote]);
    const settings = testSettings(root, {
      goldenPaths: { git: { allowedRemotes: [`file://${root}/`] } },
    });
    const { ctx, outputs } = makeContext({
      input: { repository: `file://${remote}` },
      workspacePath: workspace,
    });
    await createPublishGitAction({ settings, localUrls }).handler(ctx);
    expect(
      await git(['rev-parse', 'refs/heads/main'], { env: { GIT_DIR: remote } }),
    ).toBe(outputs.commitHash);
  });
});
