import { ConfigReader } from '@backstage/config';
import { http, HttpResponse } from 'msw';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  CheckpointStore,
  cloneLocal,
  makeContext,
  makeTempDir,
  testLinks,
  testSettings,
  runAction,
} from '../../__testUtils__/context';
import { itRunsEveryExample } from '../../__testUtils__/examples';
import { GRAFANA, RecordedGrafana } from '../../__testUtils__/grafanaFake';
import { useMswServer } from '../../__testUtils__/msw';
import { readSettings } from '../../lib/config';
import { dashboardUid, renderDashboard } from '../../lib/monitoring';
import { createMonitoringAction } from '../../actions/monitoring';
import { createTeardownAction } from '../../actions/teardown';
import { examples } from '../../actions/monitoring.examples';

const server = useMswServer();

describe('goldenpath:monitoring with providers.dashboards grafana', () => {
  let root: string;
  let grafana: RecordedGrafana;
  beforeEach(async () => {
    root = await makeTempDir('gp-grafana');
    grafana = new RecordedGrafana();
    server.use(...grafana.handlers());
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  const action = (token = 'glsa_test') =>
    createMonitoringAction({
      settings: testSettings(root, {
        goldenPaths: {
          providers: { dashboards: 'grafana' },
          monitoring: {
            grafana: { url: GRAFANA, token, folderUid: 'golden-paths' },
          },
        },
      }),
      links: testLinks,
    });

  const expectedDashboard = (name: string) =>
    JSON.parse(
      renderDashboard({
        name,
        availabilityObjective: 99.5,
        latencyPercentile: 0.99,
        latencyThresholdMs: 300,
        for: '5m',
        severity: 'page',
        routingLabels: {},
      }),
    );

  itRunsEveryExample(
    examples,
    async input => {
      const { ctx, outputs } = makeContext({ input });
      await action().handler(ctx);
      const uid = dashboardUid(input.name);
      const slug = `${input.name}-golden-path`;
      expect(outputs).toMatchObject({
        provider: 'gitops',
        status: 'applied',
        dashboardUid: uid,
        dashboardUrl: `${GRAFANA}/d/${uid}/${slug}`,
        dashboardVersion: 1,
        changedFiles: [
          `services/${input.name}/alerts.rules.yml`,
          `grafana:dashboard/${uid}`,
        ],
      });
      const stored = grafana.dashboards.get(uid)!;
      expect(stored.folderUid).toBe('golden-paths');
      expect(stored.dashboard.title).toBe(`${input.name} (golden path)`);
      expect(JSON.stringify(stored.dashboard.panels)).toContain(
        `service=\\"${input.name}\\"`,
      );
      // Grafana holds the dashboard: only the rules are committed.
      const repo = await cloneLocal(root, 'monitoring');
      await expect(
        repo.read(`services/${input.name}/alerts.rules.yml`),
      ).resolves.toContain(`golden-path-${input.name}`);
      await expect(
        repo.read(`services/${input.name}/dashboard.json`),
      ).rejects.toThrow(/ENOENT/);
    },
    'runs example %i: %s (recorded HTTP, msw)',
  );

  it('creates the dashboard in the folder with overwrite false and the service account token (recorded HTTP, msw)', async () => {
    await runAction(action(), { name: 'svc' });
    const uid = dashboardUid('svc');
    expect(grafana.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      `GET /api/dashboards/uid/${uid}`,
      'POST /api/dashboards/db',
    ]);
    const { version, ...dashboard } = expectedDashboard('svc');
    expect(version).toBe(1);
    expect(grafana.posts()[0].body).toEqual({
      dashboard: { ...dashboard, id: null },
      folderUid: 'golden-paths',
      overwrite: false,
      message: 'Day-1 golden path: monitoring for svc',
    });
    expect(
      grafana.requests.every(r => r.authorization === 'Bearer glsa_test'),
    ).toBe(true);
  });

  it('updates its own dashboard with overwrite true; an unchanged one is not saved again (recorded HTTP, msw)', async () => {
    const uid = dashboardUid('svc');
    const old = expectedDashboard('svc');
    grafana.put(
      { ...old, panels: old.panels.slice(0, 1), title: 'svc (old title)' },
      'golden-paths',
      3,
    );
    const first = makeContext({ input: { name: 'svc' } });
    await action().handler(first.ctx);
    expect(grafana.posts()[0].body.overwrite).toBe(true);
    expect(first.outputs).toMatchObject({
      status: 'applied',
      dashboardVersion: 4,
      dashboardUrl: `${GRAFANA}/d/${uid}/svc-golden-path`,
    });
    expect(grafana.dashboards.get(uid)!.dashboard.panels).toHaveLength(3);

    const again = makeContext({ input: { name: 'svc' } });
    await action().handler(again.ctx);
    expect(grafana.posts()).toHaveLength(1);
    expect(again.outputs).toMatchObject({
      status: 'unchanged',
      changedFiles: [],
      dashboardVersion: 4,
      dashboardUrl: `${GRAFANA}/d/${uid}/svc-golden-path`,
    });
  });

  it('refuses a foreign dashboard with the same uid before writing anything (recorded HTTP, msw)', async () => {
    const uid = dashboardUid('svc');
    grafana.put(
      { uid, title: 'Hand-made svc board', description: 'ours, not yours' },
      'team-a',
      7,
    );
    await expect(runAction(action(), { name: 'svc' })).rejects.toThrow(
      `Grafana dashboard ${uid} ('Hand-made svc board') at ${GRAFANA}/d/${uid}/hand-made-svc-board exists and is not managed by the golden path for 'svc' (no 'onramp-golden-paths: owner=svc;' in its description); refusing to change it`,
    );
    expect(grafana.posts()).toHaveLength(0);
    expect(grafana.dashboards.get(uid)!.version).toBe(7);
    await expect(
      fs.stat(path.join(root, 'git', 'monitoring.git')),
    ).rejects.toThrow(/ENOENT/);
  });

  it('fails clearly on 401 and writes nothing (recorded HTTP, msw)', async () => {
    await expect(
      runAction(action('glsa_revoked'), { name: 'svc' }),
    ).rejects.toThrow(
      `Grafana GET ${GRAFANA}/api/dashboards/uid/${dashboardUid(
        'svc',
      )} failed: HTTP 401: Invalid API key (check goldenPaths.monitoring.grafana.token and its role on the folder)`,
    );
    expect(grafana.posts()).toHaveLength(0);
    await expect(
      fs.stat(path.join(root, 'git', 'monitoring.git')),
    ).rejects.toThrow(/ENOENT/);
  });

  it('fails clearly when Grafana rejects the save (recorded HTTP, msw)', async () => {
    // Someone creates a dashboard with our uid between our check and our save.
    server.use(
      http.get(
        `${GRAFANA}/api/dashboards/uid/:uid`,
        () => {
          grafana.put({ ...expectedDashboard('svc'), title: 'race' });
          return HttpResponse.json(
            { message: 'Dashboard not found', traceID: '' },
            { status: 404 },
          );
        },
        { once: true },
      ),
    );
    await expect(runAction(action(), { name: 'svc' })).rejects.toThrow(
      `Grafana POST ${GRAFANA}/api/dashboards/db failed: HTTP 412: The dashboard has been changed by someone else (version-mismatch)`,
    );
  });

  it('dry-run logs the exact dashboard JSON and request and touches nothing (recorded HTTP, msw)', async () => {
    const { ctx, outputs } = makeContext({
      input: { name: 'svc' },
      isDryRun: true,
    });
    await action().handler(ctx);
    const uid = dashboardUid('svc');
    expect(grafana.requests.map(r => r.method)).toEqual(['GET']);
    expect(grafana.dashboards.size).toBe(0);
    expect(outputs).toMatchObject({
      status: 'dry-run',
      dashboardUrl: `${GRAFANA}/d/${uid}`,
      changedFiles: [
        'services/svc/alerts.rules.yml',
        `grafana:dashboard/${uid}`,
      ],
    });
    const logged: string = ctx.logger.info.mock.calls
      .map((c: any[]) => c[0])
      .find((m: string) => m.includes('Grafana dashboard'));
    const [line, ...json] = logged.split('\n');
    expect(line).toBe(
      `Dry run: would create Grafana dashboard ${uid}: POST ${GRAFANA}/api/dashboards/db (overwrite: false, folderUid: golden-paths)`,
    );
    const { version: _v, ...dashboard } = expectedDashboard('svc');
    expect(JSON.parse(json.join('\n'))).toEqual({
      dashboard: { ...dashboard, id: null },
      folderUid: 'golden-paths',
      overwrite: false,
      message: 'Day-1 golden path: monitoring for svc',
    });
    await expect(
      fs.stat(path.join(root, 'git', 'monitoring.git')),
    ).rejects.toThrow(/ENOENT/);
  });

  it('a retried task repeats no Grafana call (recorded HTTP, msw)', async () => {
    const store = new CheckpointStore();
    const first = makeContext({ input: { name: 'svc' }, checkpoints: store });
    await action().handler(first.ctx);
    expect(grafana.requests).toHaveLength(2);
    const retry = makeContext({ input: { name: 'svc' }, checkpoints: store });
    await action().handler(retry.ctx);
    expect(grafana.requests).toHaveLength(2);
    expect(grafana.dashboards.get(dashboardUid('svc'))!.version).toBe(1);
    expect(retry.outputs).toMatchObject({
      status: 'applied',
      dashboardVersion: 1,
      dashboardUrl: first.outputs.dashboardUrl,
    });
    expect(store.runs).toEqual([
      'goldenpath.monitoring.grafana.check.svc',
      'goldenpath.monitoring.gitops.svc',
      'goldenpath.monitoring.grafana.save.svc',
    ]);
  });

  it('goldenpath:teardown deletes its own dashboard and refuses a foreign one (recorded HTTP, msw)', async () => {
    await runAction(action(), { name: 'practice' });
    const settings = testSettings(root, {
      goldenPaths: {
        providers: { dashboards: 'grafana' },
        monitoring: {
          grafana: {
            url: GRAFANA,
            token: 'glsa_test',
            folderUid: 'golden-paths',
          },
        },
      },
    });
    const teardown = createTeardownAction({ settings });
    const uid = dashboardUid('practice');
    const { ctx, outputs } = makeContext({
      input: { name: 'practice', parts: ['monitoring'] },
    });
    await teardown.handler(ctx);
    expect(outputs.removed).toEqual([
      `grafana:dashboard/${uid}`,
      'monitoring:services/practice/alerts.rules.yml',
    ]);
    expect(grafana.dashboards.has(uid)).toBe(false);

    const foreign = dashboardUid('other');
    grafana.put({ uid: foreign, title: 'Other', description: 'hand-made' });
    await expect(
      runAction(teardown, { name: 'other', parts: ['monitoring'] }),
    ).rejects.toThrow(
      /exists and is not managed by the golden path for 'other'/,
    );
    expect(grafana.dashboards.has(foreign)).toBe(true);
    expect(grafana.requests.filter(r => r.method === 'DELETE')).toHaveLength(1);
  });

  it('needs goldenPaths.monitoring.grafana when providers.dashboards is grafana', () => {
    expect(() =>
      readSettings(
        new ConfigReader({
          goldenPaths: { providers: { dashboards: 'grafana' } },
        }),
      ),
    ).toThrow(
      'goldenPaths.providers.dashboards is grafana but goldenPaths.monitoring.grafana (url, token) is not configured',
    );
  });
});
