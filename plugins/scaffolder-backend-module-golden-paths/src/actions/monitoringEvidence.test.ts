import { JsonObject } from '@backstage/types';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  actionUnder,
  makeContext,
  runAction,
  testLinks,
  testSettings,
  useTempRoot,
} from '../__testUtils__/context';
import {
  RealPrometheus,
  requireBinary,
  useRealPrometheus,
} from '../__testUtils__/servers';
import { createMonitoringAction } from './monitoring';
import { createRecordProgressAction } from './recordProgress';
import { createTeardownAction } from './teardown';

/** What the Day-1 skeleton's /metrics answers after one GET /health. */
const VALID = `# HELP http_requests_total HTTP requests served.
# TYPE http_requests_total counter
http_requests_total{service="svc",method="GET",code="200"} 1
# HELP http_request_duration_seconds HTTP request durations.
# TYPE http_request_duration_seconds histogram
http_request_duration_seconds_bucket{service="svc",method="GET",code="200",le="0.005"} 1
http_request_duration_seconds_bucket{service="svc",method="GET",code="200",le="+Inf"} 1
http_request_duration_seconds_sum{service="svc",method="GET",code="200"} 0.0004
http_request_duration_seconds_count{service="svc",method="GET",code="200"} 1
`;

/** A local service whose /metrics answers what the test sets. */
function useMetricsServer() {
  const state = {
    answers: [] as { status: number; body: string }[],
    requests: 0,
    port: 0,
  };
  let server: http.Server;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      state.requests++;
      const answer =
        state.answers.length > 1 ? state.answers.shift()! : state.answers[0];
      res.writeHead(answer.status, {
        'content-type': 'text/plain; version=0.0.4',
      });
      res.end(answer.body);
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    state.port = (server.address() as AddressInfo).port;
  });
  beforeEach(() => {
    state.answers = [{ status: 200, body: VALID }];
    state.requests = 0;
  });
  afterAll(() => new Promise(r => server.close(r)));
  return state;
}

describe('goldenpath:monitoring checks the running service (local HTTP server)', () => {
  let root: string;
  useTempRoot(dir => (root = dir));
  const service = useMetricsServer();
  const action = actionUnder(createMonitoringAction, () => root);
  const input = (extra: JsonObject = {}) => ({
    name: 'svc',
    serviceUrl: `http://svc.localhost:${service.port}/`,
    ...extra,
  });

  it('parses valid /metrics of a *.localhost URL; the evidence is monitoring.scraped and is recorded', async () => {
    const outputs = await runAction(action(), input());
    expect(service.requests).toBe(1);
    expect(outputs).toMatchObject({
      evidenceKey: 'monitoring.scraped',
      metrics:
        'http_requests_total (1 series), http_request_duration_seconds_bucket (2 series)',
    });
    const recordEvidence = jest.fn(async () => ({
      recorded: true,
      completed: [{ pathId: 'backend-day-1', stepId: 'monitoring' }],
    }));
    const recorded = await runAction(
      createRecordProgressAction({ evidence: { recordEvidence } }),
      { key: outputs.evidenceKey },
    );
    expect(recordEvidence).toHaveBeenCalledWith(
      expect.objectContaining({ key: 'monitoring.scraped' }),
    );
    expect(recorded.completed).toEqual([
      { pathId: 'backend-day-1', stepId: 'monitoring' },
    ]);
  });

  it('accepts declared families without samples (a service nobody called yet)', async () => {
    service.answers = [
      {
        status: 200,
        body: '# TYPE http_requests_total counter\n# TYPE http_request_duration_seconds histogram\n',
      },
    ];
    const outputs = await runAction(action(), input());
    expect(outputs.metrics).toBe(
      'http_requests_total (0 series), http_request_duration_seconds_bucket (0 series)',
    );
  });

  it('waits for a starting service: 503 first, then 200', async () => {
    service.answers = [
      { status: 503, body: 'starting' },
      { status: 200, body: VALID },
    ];
    const outputs = await runAction(action(), input());
    expect(service.requests).toBe(2);
    expect(outputs.evidenceKey).toBe('monitoring.scraped');
  });

  it('fails naming the line when /metrics is not valid exposition text', async () => {
    service.answers = [
      {
        status: 200,
        body: VALID.replace(
          'http_requests_total{service="svc",method="GET",code="200"} 1',
          'http_requests_total{service="svc",method=GET} 1',
        ),
      },
    ];
    await expect(runAction(action(), input())).rejects.toThrow(
      `http://svc.localhost:${service.port}/metrics is not valid Prometheus exposition text (format 0.0.4), line 3: expected " to open the value of method`,
    );
  });

  it('fails naming the metric the rules read and the service lacks', async () => {
    service.answers = [
      {
        status: 200,
        body: VALID.split('\n').slice(0, 3).join('\n').concat('\n'),
      },
    ];
    await expect(runAction(action(), input())).rejects.toThrow(
      /does not expose http_request_duration_seconds_bucket \(histogram http_request_duration_seconds\), which alert SvcLatencyAboveObjective reads; it exposes http_requests_total \(counter\)/,
    );
    service.answers = [
      {
        status: 200,
        body: VALID.replace('requests_total counter', 'requests_total gauge'),
      },
    ];
    await expect(runAction(action(), input())).rejects.toThrow(
      /does not expose http_requests_total \(counter http_requests_total\), which alert SvcAvailabilityBelowObjective reads/,
    );
  });

  it('fails with the last answer when /metrics never answers 200', async () => {
    service.answers = [{ status: 500, body: 'boom' }];
    await expect(
      runAction(action(), input({ scrapeTimeoutMs: 0 })),
    ).rejects.toThrow(/metrics did not answer 200 within 0 ms: HTTP 500: boom/);
  });

  it('without a service URL, or in dry-run, scrapes nothing and claims monitoring.configured', async () => {
    for (const extra of [{ serviceUrl: '' }, {}]) {
      const outputs = await runAction(action(), { name: 'svc', ...extra });
      expect(outputs.evidenceKey).toBe('monitoring.configured');
      expect(outputs.metrics).toBeUndefined();
    }
    const dry = makeContext({ input: input(), isDryRun: true });
    await action().handler(dry.ctx);
    expect(dry.outputs.evidenceKey).toBe('monitoring.configured');
    expect(service.requests).toBe(0);
  });

  it('offers no dashboard link when no dashboard exists', async () => {
    const outputs = await runAction(action(), input());
    expect(outputs).not.toHaveProperty('dashboardUrl');
  });

  it('says the rules were not checked when promtool is not installed', async () => {
    const settings = testSettings(root, {
      goldenPaths: {
        monitoring: {
          prometheus: {
            url: 'http://prometheus.test',
            rulesDir: path.join(root, 'rules'),
            promtool: path.join(root, 'no-such-promtool'),
          },
        },
      },
    });
    const { ctx, outputs } = makeContext({ input: input() });
    await createMonitoringAction({ settings, links: testLinks }).handler(ctx);
    expect(outputs.rulesCheck).toBe('not checked: promtool not installed');
    expect(ctx.logger.info).toHaveBeenCalledWith(
      expect.stringContaining('not checked: promtool not installed'),
    );
  });
});

const promtool = requireBinary('promtool', 'prometheus');
(promtool.available ? describe : describe.skip)(
  'goldenpath:monitoring with a real promtool',
  () => {
    let root: string;
    useTempRoot(dir => (root = dir));
    it('says promtool check rules passed when it ran', async () => {
      const outputs = await runAction(
        actionUnder(createMonitoringAction, () => root)(),
        { name: 'svc' },
      );
      expect(outputs.rulesCheck).toBe('passed');
    });
  },
);

const prometheus = requireBinary('prometheus', 'prometheus');
const describeProm = prometheus.available ? describe : describe.skip;

describeProm(
  'goldenpath:monitoring registers the service with a local Prometheus (real Prometheus, file_sd)',
  () => {
    let server: RealPrometheus;
    const service = useMetricsServer();
    const binary = prometheus.available ? prometheus.path : '';
    useRealPrometheus(binary, 'gp-local-prom', started => (server = started));
    const settings = () =>
      testSettings(server.root, {
        goldenPaths: {
          monitoring: {
            localPrometheus: {
              url: server.url,
              fileSdDir: server.fileSdDir,
              confirmTimeoutMs: 20000,
            },
          },
        },
      });
    const action = () =>
      createMonitoringAction({ settings: settings(), links: testLinks });

    it('writes the file_sd target, Prometheus scrapes it, and the dashboard is its graph', async () => {
      const outputs = await runAction(action(), {
        name: 'svc',
        serviceUrl: `http://svc.localhost:${service.port}/`,
      });
      expect(outputs.evidenceKey).toBe('monitoring.scraped');
      expect(outputs.prometheusTarget).toBe('up');
      const file = JSON.parse(
        await fs.readFile(
          path.join(server.fileSdDir, 'golden-path-svc.json'),
          'utf8',
        ),
      );
      expect(file).toEqual([
        {
          targets: [`127.0.0.1:${service.port}`],
          labels: {
            service: 'svc',
            managed_by: 'onramp-golden-paths',
            __scheme__: 'http',
            __metrics_path__: '/metrics',
          },
        },
      ]);
      const targets: any = await (
        await fetch(`${server.url}/api/v1/targets?state=active`)
      ).json();
      expect(
        targets.data.activeTargets.map((t: any) => [
          t.labels.service,
          t.scrapeUrl,
          t.health,
        ]),
      ).toEqual([['svc', `http://127.0.0.1:${service.port}/metrics`, 'up']]);
      const graph = new URL(outputs.dashboardUrl);
      expect(graph.origin + graph.pathname).toBe(`${server.url}/graph`);
      expect(graph.searchParams.get('g0.expr')).toBe(
        'sum by (code) (rate(http_requests_total{service="svc"}[5m]))',
      );
      expect((await fetch(outputs.dashboardUrl)).status).toBe(200);
      // A second run changes nothing.
      const again = await runAction(action(), {
        name: 'svc',
        serviceUrl: `http://svc.localhost:${service.port}/`,
      });
      expect(again.prometheusTarget).toBe('up');
    }, 30000);

    it('goldenpath:teardown removes the target file and Prometheus drops the target', async () => {
      await runAction(action(), {
        name: 'practice',
        serviceUrl: `http://practice.localhost:${service.port}/`,
      });
      const file = path.join(server.fileSdDir, 'golden-path-practice.json');
      const teardown = await runAction(
        createTeardownAction({ settings: settings() }),
        {
          name: 'practice',
          parts: ['monitoring'],
        },
      );
      expect(teardown.removed).toContain(file);
      await expect(fs.stat(file)).rejects.toThrow(/ENOENT/);
      const targets: any = await (
        await fetch(`${server.url}/api/v1/targets?state=active`)
      ).json();
      expect(
        targets.data.activeTargets.map((t: any) => t.labels.service),
      ).not.toContain('practice');
    }, 30000);

    it('refuses to replace a target file it does not own', async () => {
      const foreign = path.join(server.fileSdDir, 'golden-path-legacy.json');
      await fs.writeFile(foreign, '[{"targets":["10.0.0.1:9100"]}]\n');
      await expect(
        runAction(action(), {
          name: 'legacy',
          serviceUrl: `http://127.0.0.1:${service.port}/`,
        }),
      ).rejects.toThrow(/is not managed by the golden path for 'legacy'/);
      expect(await fs.readFile(foreign, 'utf8')).toBe(
        '[{"targets":["10.0.0.1:9100"]}]\n',
      );
      await fs.rm(foreign);
    });
  },
);
