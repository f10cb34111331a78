import { promises as fs } from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import {
  CheckpointStore,
  cloneLocal,
  makeContext,
  useTempRoot,
  testSettings,
  runAction,
  actionUnder,
} from '../__testUtils__/context';
import { itRunsEveryExample } from '../__testUtils__/examples';
import { commitToRepository } from '../lib/gitops';
import { createDeployAction } from './deploy';
import { examples } from './deploy.examples';

describe('goldenpath:deploy with the gitops provider (against real git)', () => {
  let root: string;
  useTempRoot(dir => (root = dir));

  const action = actionUnder(createDeployAction, () => root);

  itRunsEveryExample(examples, async input => {
    const { ctx, outputs } = makeContext({ input });
    await action().handler(ctx);
    const repo = await cloneLocal(root, 'deployments');
    const docs = await Promise.all(
      ['deployment', 'service', 'ingress'].map(async k =>
        yaml.parse(await repo.read(`apps/${input.name}/${k}.yaml`)),
      ),
    );
    expect(docs.map(d => d.kind)).toEqual(['Deployment', 'Service', 'Ingress']);
    const [deployment, , ingress] = docs;
    expect(deployment.spec.template.spec.containers[0].image).toBe(input.image);
    expect(deployment.spec.replicas).toBe(input.replicas ?? 1);
    expect(deployment.metadata.namespace).toBe(input.namespace ?? 'default');
    expect(
      deployment.spec.template.spec.containers[0].readinessProbe.httpGet.path,
    ).toBe(input.healthPath ?? '/health');
    const host = input.host ?? `${input.name}.apps.onramp.localhost`;
    expect(ingress.spec.rules[0].host).toBe(host);
    expect(outputs).toMatchObject({
      provider: 'gitops',
      status: 'committed',
      serviceUrl: `http://${host}/`,
      healthy: false,
      link: `http://backstage.test/api/scaffolder/golden-paths/git/deployments/raw/main/apps/${input.name}/deployment.yaml`,
    });
    expect(outputs.changedFiles).toHaveLength(3);
    expect(outputs.commitHash).toMatch(/^[0-9a-f]{40}$/);
  });

  it('dry-run lists the exact files and writes nothing', async () => {
    const { ctx, outputs } = makeContext({
      input: { name: 'dry', image: 'img:1' },
      isDryRun: true,
    });
    await action().handler(ctx);
    expect(outputs.status).toBe('dry-run');
    expect(outputs.changedFiles).toEqual([
      'apps/dry/deployment.yaml',
      'apps/dry/service.yaml',
      'apps/dry/ingress.yaml',
    ]);
    await expect(
      fs.stat(path.join(root, 'git', 'deployments.git')),
    ).rejects.toThrow(/ENOENT/);
  });

  it('a retried task commits once, and a repeated run is unchanged', async () => {
    const store = new CheckpointStore();
    const input = { name: 'svc', image: 'img:1' };
    await action().handler(makeContext({ input, checkpoints: store }).ctx);
    const retry = makeContext({ input, checkpoints: store });
    await action().handler(retry.ctx);
    expect(retry.outputs.status).toBe('committed');
    const again = makeContext({ input });
    await action().handler(again.ctx);
    expect(again.outputs.status).toBe('unchanged');
    expect(again.outputs.changedFiles).toEqual([]);
    expect(await (await cloneLocal(root, 'deployments')).commits()).toBe(1);
  });

  it('parallel deploys of different services to one repository all land (another writer pushed first)', async () => {
    const names = ['svc-a', 'svc-b', 'svc-c', 'svc-d'];
    await Promise.all(
      names.map(name => runAction(action(), { name, image: 'img:1' })),
    );
    const repo = await cloneLocal(root, 'deployments');
    expect(await repo.commits()).toBe(names.length);
    for (const name of names) {
      expect(await repo.read(`apps/${name}/deployment.yaml`)).toContain(
        `name: ${name}`,
      );
    }
  });

  it('refuses to overwrite manifests it does not own', async () => {
    await commitToRepository({
      settings: testSettings(root),
      repository: 'deployments',
      changes: { 'apps/legacy/deployment.yaml': 'kind: Deployment\n' },
      message: 'hand-written',
      dryRun: false,
      logger: makeContext({ input: {} }).ctx.logger,
    });
    await expect(
      runAction(action(), { name: 'legacy', image: 'img:1' }),
    ).rejects.toThrow(
      /apps\/legacy\/deployment.yaml exists and is not managed/,
    );
    const repo = await cloneLocal(root, 'deployments');
    expect(await repo.read('apps/legacy/deployment.yaml')).toBe(
      'kind: Deployment\n',
    );
  });

  it('rejects invalid input with every problem named', async () => {
    await expect(
      runAction(action(), { name: 'Bad_Name', image: 'img:1', port: 0 }),
    ).rejects.toThrow(
      /name: must be a DNS label.*port: Number must be greater than or equal to 1/,
    );
  });
});
