import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  cloneLocal,
  makeContext,
  useTempRoot,
  testLinks,
  testSettings,
} from '../__testUtils__/context';
import { itRunsEveryExample } from '../__testUtils__/examples';
import { git } from '../lib/git';
import { commitToRepository } from '../lib/gitops';
import { createDeployAction } from './deploy';
import { createDnsAction } from './dns';
import { createMonitoringAction } from './monitoring';
import { createPublishGitAction } from './publishGit';
import { createTeardownAction } from './teardown';
import { examples } from './teardown.examples';

describe('goldenpath:teardown with the gitops providers (against real git)', () => {
  let root: string;
  useTempRoot(dir => (root = dir));

  const settings = () => testSettings(root);
  const localUrls = async (n: string, b: string) => ({
    repoContentsUrl: `http://x/${n}/${b}`,
    catalogInfoBaseUrl: `http://x/${n}/${b}`,
  });

  async function practiceRun(
    name: string,
    taskId: string,
    recordName?: string,
  ) {
    const workspace = path.join(root, `ws-${name}`);
    await fs.mkdir(workspace, { recursive: true });
    await fs.writeFile(
      path.join(workspace, 'catalog-info.yaml'),
      `name: ${name}\n`,
    );
    await createPublishGitAction({ settings: settings(), localUrls }).handler(
      makeContext({
        input: { repository: name },
        workspacePath: workspace,
        taskId,
      }).ctx,
    );
    await createDeployAction({
      settings: settings(),
      links: testLinks,
    }).handler(makeContext({ input: { name, image: 'img:1' }, taskId }).ctx);
    await createMonitoringAction({
      settings: settings(),
      links: testLinks,
    }).handler(makeContext({ input: { name }, taskId }).ctx);
    await createDnsAction({ settings: settings(), links: testLinks }).handler(
      makeContext({
        input: {
          name,
          value: 'ingress.example.com',
          ...(recordName ? { recordName } : {}),
        },
        taskId,
      }).ctx,
    );
  }

  const listFiles = async (repo: string) =>
    (await git(['ls-files'], { cwd: (await cloneLocal(root, repo)).dir }))
      .split('\n')
      .filter(Boolean);
  const exists = (p: string) =>
    fs.stat(p).then(
      () => true,
      () => false,
    );

  itRunsEveryExample(examples, async input => {
    await practiceRun(input.name, 'task-practice', input.recordName);
    await practiceRun('neighbour', 'task-other');
    const { ctx, outputs } = makeContext({ input, taskId: 'task-teardown' });
    await createTeardownAction({ settings: settings() }).handler(ctx);
    const all = !input.parts;
    expect(await listFiles('deployments')).toEqual([
      'apps/neighbour/deployment.yaml',
      'apps/neighbour/ingress.yaml',
      'apps/neighbour/service.yaml',
    ]);
    expect(await listFiles('dns')).toEqual([
      'zones/apps.onramp.localhost/neighbour.yaml',
    ]);
    expect((await listFiles('monitoring')).length).toBe(all ? 2 : 4);
    expect(await exists(path.join(root, 'git', `${input.name}.git`))).toBe(
      !all,
    );
    expect(await exists(path.join(root, 'git', 'neighbour.git'))).toBe(true);
    expect(outputs.removed).toContain(
      `deployments:apps/${input.name}/deployment.yaml`,
    );
  });

  it('dry-run lists what would go and removes nothing', async () => {
    await practiceRun('svc', 'task-1');
    const { ctx, outputs } = makeContext({
      input: { name: 'svc' },
      taskId: 'task-1',
      isDryRun: true,
    });
    await createTeardownAction({ settings: settings() }).handler(ctx);
    expect(outputs.removed).toEqual([
      'deployments:apps/svc/deployment.yaml',
      'deployments:apps/svc/service.yaml',
      'deployments:apps/svc/ingress.yaml',
      'monitoring:services/svc/alerts.rules.yml',
      'monitoring:services/svc/dashboard.json',
      'dns:zones/apps.onramp.localhost/svc.yaml',
      'repository svc',
    ]);
    expect(await listFiles('deployments')).toHaveLength(3);
    expect(await exists(path.join(root, 'git', 'svc.git'))).toBe(true);
  });

  it('logs what it did with repository names, no path of this machine, and "Dry run" only in a dry run', async () => {
    await practiceRun('svc', 'task-1');
    const logOf = async (isDryRun: boolean) => {
      const { ctx } = makeContext({
        input: { name: 'svc' },
        taskId: 'task-1',
        isDryRun,
      });
      await createTeardownAction({ settings: settings() }).handler(ctx);
      return [ctx.logger.info, ctx.logger.warn]
        .flatMap((fn: jest.Mock) => fn.mock.calls.map(c => String(c[0])))
        .join('\n');
    };
    const dry = await logOf(true);
    expect(dry).toContain(
      'Dry run: would commit to repository deployments#main',
    );
    expect(dry).toContain('Dry run: would remove');
    const real = await logOf(false);
    expect(real).not.toContain('Dry run');
    expect(real).not.toContain('file://');
    expect(real).not.toContain(root);
    expect(real).toMatch(
      /Committed [0-9a-f]{40} to repository deployments#main/,
    );
    expect(real).toContain('Removed deployments:apps/svc/deployment.yaml');
  });

  it('refuses a repository another task created and files without the marker, touching nothing', async () => {
    await practiceRun('svc', 'task-1');
    await expect(
      createTeardownAction({ settings: settings() }).handler(
        makeContext({ input: { name: 'svc' }, taskId: 'task-2' }).ctx,
      ),
    ).rejects.toThrow(
      /Repository svc was not created by goldenpath:publish in task task-2/,
    );
    expect(await listFiles('deployments')).toHaveLength(3);

    await commitToRepository({
      settings: settings(),
      repository: 'deployments',
      changes: { 'apps/svc/deployment.yaml': 'kind: Deployment\n' },
      message: 'taken over by hand',
      dryRun: false,
      logger: makeContext({ input: {} }).ctx.logger,
    });
    await expect(
      createTeardownAction({ settings: settings() }).handler(
        makeContext({
          input: { name: 'svc', parts: ['deploy'] },
          taskId: 'task-1',
        }).ctx,
      ),
    ).rejects.toThrow(/apps\/svc\/deployment.yaml exists and is not managed/);
    expect(await listFiles('deployments')).toHaveLength(3);
  });
});
