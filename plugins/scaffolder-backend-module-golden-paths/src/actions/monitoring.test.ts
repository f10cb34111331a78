import { promises as fs } from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import {
  CheckpointStore,
  cloneLocal,
  makeContext,
  testLinks,
  testSettings,
  runAction,
  useTempRoot,
  actionUnder,
} from '../__testUtils__/context';
import { itRunsEveryExample } from '../__testUtils__/examples';
import {
  RealPrometheus,
  requireBinary,
  useRealPrometheus,
} from '../__testUtils__/servers';
import { dashboardUid } from '../lib/monitoring';
import { createMonitoringAction } from './monitoring';
import { createTeardownAction } from './teardown';
import { examples } from './monitoring.examples';

describe('goldenpath:monitoring with the gitops provider (against real git)', () => {
  let root: string;
  useTempRoot(dir => (root = dir));

  const action = actionUnder(createMonitoringAction, () => root, {
    goldenPaths: { monitoring: { grafanaUrl: 'http://grafana.test/' } },
  });

  itRunsEveryExample(examples, async input => {
    const { ctx, outputs } = makeContext({ input });
    await action().handler(ctx);
    const repo = await cloneLocal(root, 'monitoring');
    const rules = yaml.parse(
      await repo.read(`services/${input.name}/alerts.rules.yml`),
    );
    const group = rules.groups[0];
    expect(group.name).toBe(`golden-path-${input.name}`);
    expect(group.rules.map((r: any) => r.alert)).toEqual(outputs.alerts);
    const budget = +(
      1 -
      (input.availabilityObjective ?? 99.5) / 100
    ).toPrecision(6);
    expect(group.rules[0].expr).toContain(`> ${budget}`);
    expect(group.rules[1].expr).toContain(
      `histogram_quantile(${input.latencyPercentile ?? 0.99},`,
    );
    expect(group.rules[1].expr).toContain(
      `> ${(input.latencyThresholdMs ?? 300) / 1000}`,
    );
    expect(group.rules[0].labels).toMatchObject({
      service: input.name,
      severity: input.severity ?? 'page',
      ...(input.routingLabels ?? {}),
    });
    const dashboard = JSON.parse(
      await repo.read(`services/${input.name}/dashboard.json`),
    );
    expect(dashboard.uid).toBe(dashboardUid(input.name));
    expect(outputs).toMatchObject({
      provider: 'gitops',
      status: 'applied',
      dashboardUid: dashboard.uid,
      dashboardUrl: `http://grafana.test/d/${dashboard.uid}`,
    });
  });

  it('derives the dashboard uid from the name only', () => {
    expect(dashboardUid('payments-api')).toBe(dashboardUid('payments-api'));
    expect(dashboardUid('payments-api')).not.toBe(dashboardUid('orders-api'));
    expect(dashboardUid('x'.repeat(63)).length).toBeLessThanOrEqual(40);
  });

  it('dry-run lists the files and writes nothing; a retry commits once', async () => {
    const dry = makeContext({ input: { name: 'svc' }, isDryRun: true });
    await action().handler(dry.ctx);
    expect(dry.outputs.status).toBe('dry-run');
    expect(dry.outputs.changedFiles).toEqual([
      'services/svc/alerts.rules.yml',
      'services/svc/dashboard.json',
    ]);
    await expect(
      fs.stat(path.join(root, 'git', 'monitoring.git')),
    ).rejects.toThrow(/ENOENT/);

    const store = new CheckpointStore();
    await action().handler(
      makeContext({ input: { name: 'svc' }, checkpoints: store }).ctx,
    );
    await action().handler(
      makeContext({ input: { name: 'svc' }, checkpoints: store }).ctx,
    );
    const again = makeContext({ input: { name: 'svc' } });
    await action().handler(again.ctx);
    expect(again.outputs.status).toBe('unchanged');
    expect(await (await cloneLocal(root, 'monitoring')).commits()).toBe(1);
  });

  it('rejects invalid objectives and labels before writing anything', async () => {
    await expect(
      action().handler(
        makeContext({
          input: {
            name: 'svc',
            availabilityObjective: 100,
            routingLabels: { 'bad-label': 'x' },
          },
        }).ctx,
      ),
    ).rejects.toThrow(
      /availabilityObjective: .*routingLabels.bad-label: label names must match/,
    );
    await expect(
      action().handler(
        makeContext({ input: { name: 'svc', routingLabels: { service: 'x' } } })
          .ctx,
      ),
    ).rejects.toThrow(/routingLabels.service is set by the action itself/);
    await expect(fs.stat(path.join(root, 'git'))).rejects.toThrow(/ENOENT/);
  });
});

const prometheus = requireBinary('prometheus', 'prometheus');
const describeProm = prometheus.available ? describe : describe.skip;

describeProm(
  'goldenpath:monitoring with the prometheus provider (against a real Prometheus)',
  () => {
    let server: RealPrometheus;
    const binary = prometheus.available ? prometheus.path : '';
    useRealPrometheus(binary, 'gp-prom', started => (server = started));

    const action = () =>
      createMonitoringAction({
        settings: testSettings(server.root, {
          goldenPaths: {
            providers: { monitoring: 'prometheus' },
            monitoring: {
              prometheus: { url: server.url, rulesDir: server.rulesDir },
            },
          },
        }),
        links: testLinks,
      });

    async function loadedGroups() {
      const body: any = await (
        await fetch(`${server.url}/api/v1/rules`)
      ).json();
      return body.data.groups.map((g: any) => ({
        name: g.name,
        rules: g.rules.map((r: any) => r.name),
      }));
    }

    it('dry-run writes no file and reloads nothing', async () => {
      const { ctx, outputs } = makeContext({
        input: { name: 'dry-svc' },
        isDryRun: true,
      });
      await action().handler(ctx);
      expect(outputs.status).toBe('dry-run');
      expect(outputs.changedFiles).toEqual([
        path.join(server.rulesDir, 'golden-path-dry-svc.rules.yml'),
      ]);
      expect(await fs.readdir(server.rulesDir)).toEqual([]);
    });

    it('writes, reloads and confirms the rules through /api/v1/rules; a retry changes nothing', async () => {
      const store = new CheckpointStore();
      const input = {
        name: 'payments-api',
        routingLabels: { team: 'payments' },
      };
      const first = makeContext({ input, checkpoints: store });
      await action().handler(first.ctx);
      expect(first.outputs.status).toBe('applied');
      expect(await loadedGroups()).toEqual([
        {
          name: 'golden-path-payments-api',
          rules: [
            'PaymentsApiAvailabilityBelowObjective',
            'PaymentsApiLatencyAboveObjective',
          ],
        },
      ]);
      const retry = makeContext({ input, checkpoints: store });
      await action().handler(retry.ctx);
      expect(store.runs).toHaveLength(2);
      const again = makeContext({ input });
      await action().handler(again.ctx);
      expect(again.outputs.status).toBe('unchanged');
      expect(await fs.readdir(server.rulesDir)).toEqual([
        'golden-path-payments-api.rules.yml',
      ]);
    }, 30000);

    it('refuses to replace a rule file it does not own', async () => {
      await fs.writeFile(
        path.join(server.rulesDir, 'golden-path-legacy.rules.yml'),
        'groups: []\n',
      );
      await expect(runAction(action(), { name: 'legacy' })).rejects.toThrow(
        /is not managed by the golden path for 'legacy'/,
      );
      expect(
        await fs.readFile(
          path.join(server.rulesDir, 'golden-path-legacy.rules.yml'),
          'utf8',
        ),
      ).toBe('groups: []\n');
      await fs.rm(path.join(server.rulesDir, 'golden-path-legacy.rules.yml'));
    });

    it('fails clearly when Prometheus cannot reload', async () => {
      const settings = testSettings(server.root, {
        goldenPaths: {
          providers: { monitoring: 'prometheus' },
          monitoring: {
            prometheus: {
              url: `${server.url}/nope`,
              rulesDir: path.join(server.root, 'other-rules'),
            },
          },
        },
      });
      await expect(
        runAction(createMonitoringAction({ settings, links: testLinks }), {
          name: 'orphan',
        }),
      ).rejects.toThrow(
        /Prometheus reload at .*\/nope\/-\/reload failed: HTTP 404/,
      );
    });

    it('goldenpath:teardown removes the rule file and Prometheus drops the group', async () => {
      const settings = testSettings(server.root, {
        goldenPaths: {
          providers: { monitoring: 'prometheus' },
          monitoring: {
            prometheus: { url: server.url, rulesDir: server.rulesDir },
          },
        },
      });
      await runAction(action(), { name: 'practice' });
      expect((await loadedGroups()).map((g: any) => g.name)).toContain(
        'golden-path-practice',
      );
      const { ctx, outputs } = makeContext({
        input: { name: 'practice', parts: ['monitoring'] },
      });
      await createTeardownAction({ settings }).handler(ctx);
      expect(outputs.removed).toEqual([
        path.join(server.rulesDir, 'golden-path-practice.rules.yml'),
      ]);
      expect((await loadedGroups()).map((g: any) => g.name)).not.toContain(
        'golden-path-practice',
      );
    });
  },
);
