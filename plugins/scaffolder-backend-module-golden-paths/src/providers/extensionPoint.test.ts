import { createBackendModule } from '@backstage/backend-plugin-api';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { cloneLocal, makeTempDir } from '../__testUtils__/context';
import {
  createDay1Task,
  startDay1Backend,
  TEARDOWN_TEMPLATE,
  waitForTask,
} from '../__testUtils__/day1Backend';
import { goldenPathsProvidersExtensionPoint } from './registry';
import { DeployProvider, DeployRequest } from './types';

/*
 * An adopter's provider, added from another scaffolder module through the
 * extension point, runs the Day-1 template through the real scaffolder, and
 * goldenpath:teardown dispatches to it as well.
 */

/** A deploy provider that keeps its deployments in memory. */
function memoryDeployProvider() {
  const deployed = new Map<string, DeployRequest>();
  const provider: DeployProvider = {
    name: 'memory',
    async deploy(ctx, request) {
      const before = JSON.stringify(deployed.get(request.name));
      const changed = before !== JSON.stringify(request);
      const object = `memory/${request.name}`;
      if (!ctx.isDryRun) {
        await ctx.checkpoint({
          key: `memory.deploy.${request.name}`,
          fn: async () => {
            deployed.set(request.name, request);
          },
        });
      }
      let status: 'applied' | 'unchanged' | 'dry-run' = 'unchanged';
      if (ctx.isDryRun) status = 'dry-run';
      else if (changed) status = 'applied';
      return {
        status,
        changedObjects: changed ? [object] : [],
        link: `memory://${request.name}`,
      };
    },
    async planTeardown(ctx, { service }) {
      return {
        removed: deployed.has(service) ? [`memory/${service}`] : [],
        apply: async () => {
          await ctx.checkpoint({
            key: `memory.teardown.${service}`,
            fn: async () => {
              deployed.delete(service);
            },
          });
        },
      };
    },
  };
  return { provider, deployed };
}

function providerModule(provider: DeployProvider, moduleId = 'memory') {
  return createBackendModule({
    pluginId: 'scaffolder',
    moduleId,
    register(reg) {
      reg.registerInit({
        deps: { providers: goldenPathsProvidersExtensionPoint },
        async init({ providers }) {
          providers.addDeployProvider(provider);
        },
      });
    },
  });
}

describe('a deploy provider added through goldenPathsProvidersExtensionPoint', () => {
  let root: string;
  beforeEach(async () => {
    root = await makeTempDir('gp-ext');
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it('runs the Day-1 template through the real scaffolder, and teardown dispatches to it', async () => {
    const memory = memoryDeployProvider();
    const harness = await startDay1Backend({
      root,
      features: [providerModule(memory.provider)],
      goldenPaths: { providers: { deploy: 'memory' } },
      templates: [TEARDOWN_TEMPLATE],
    });
    try {
      const taskId = await createDay1Task(harness.request);
      await waitForTask(harness.request, taskId);
      expect(memory.deployed.get('day-one-svc')).toMatchObject({
        name: 'day-one-svc',
        image: 'registry.onramp.localhost/day-one-svc:0.1.0',
        host: 'day-one-svc.apps.onramp.localhost',
      });
      // The gitops deploy provider did not run: no deploy repository.
      await expect(
        fs.stat(path.join(root, 'git', 'deployments.git')),
      ).rejects.toThrow(/ENOENT/);
      expect(harness.record.evidence.map(e => e.key)).toContain(
        'deploy.requested',
      );

      const teardown = await harness.request(
        'POST',
        '/api/scaffolder/v2/tasks',
        {
          templateRef: 'template:default/day-1-teardown',
          values: { name: 'day-one-svc', createdByTask: taskId },
        },
      );
      expect(teardown.status).toBe(201);
      const done = await waitForTask(harness.request, teardown.body.id);
      const log = done.events.map(e => e.body?.message ?? '').join('\n');
      expect(log).toContain(
        'Removed memory/day-one-svc, monitoring:services/day-one-svc/alerts.rules.yml',
      );
      expect(log).toContain('repository day-one-svc');
      expect(memory.deployed.size).toBe(0);
      expect(await (await cloneLocal(root, 'monitoring')).commits()).toBe(2);
    } finally {
      await harness.backend.stop();
    }
  }, 180_000);

  it('stops startup with one line naming the known providers for an unknown name', async () => {
    await expect(
      startDay1Backend({
        root,
        goldenPaths: { providers: { deploy: 'nomad' } },
      }),
    ).rejects.toThrow(
      "goldenPaths.providers.deploy 'nomad' is not a known deploy provider; known: gitops, kubernetes, local",
    );
    await expect(
      startDay1Backend({
        root,
        features: [providerModule(memoryDeployProvider().provider)],
        goldenPaths: { providers: { dns: 'bind' } },
      }),
    ).rejects.toThrow(
      "goldenPaths.providers.dns 'bind' is not a known DNS provider; known: gitops, rfc2136, route53, cloudflare",
    );
  }, 120_000);

  it('refuses a second provider with a name already taken', async () => {
    const duplicate = { ...memoryDeployProvider().provider, name: 'gitops' };
    await expect(
      startDay1Backend({ root, features: [providerModule(duplicate)] }),
    ).rejects.toThrow("goldenPaths: two deploy providers are named 'gitops'");
  }, 120_000);
});
