import dns from 'node:dns';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { makeTempDir } from './__testUtils__/context';
import {
  createDay1Task,
  DAY1_VALUES,
  startDay1Backend,
  TEMPLATE_DIR,
  waitForTask,
} from './__testUtils__/day1Backend';

/** The skeleton's own metrics (plain TypeScript, no template placeholders). */
const { Metrics } = require(path.join(
  TEMPLATE_DIR,
  'skeleton/src/metrics',
)) as {
  Metrics: new (service: string) => {
    observe(method: string, code: number, seconds: number): void;
    render(): string;
  };
};

/*
 * The Day-1 template's monitoring step through the real scaffolder, against
 * a running service: a local HTTP server answering /health and the /metrics
 * the skeleton's own Metrics class renders. The deploy's serviceUrl points at
 * it (baseDomain localhost:<port>, so http://day-one-svc.localhost:<port>/),
 * and the person asked to wait for the endpoint.
 *
 * goldenpath:monitoring resolves *.localhost itself; the template's later
 * goldenpath:endpoint:verify step uses fetch, which asks the system resolver,
 * and glibc without systemd-resolved does not know *.localhost. For that step
 * only, this test resolves *.localhost to 127.0.0.1 as browsers do.
 */
describe('the Day-1 template scrapes the running service (real scaffolder, local HTTP service)', () => {
  let root: string;
  let harness: Awaited<ReturnType<typeof startDay1Backend>>;
  let service: http.Server;
  const scrapes: string[] = [];

  const systemLookup = dns.lookup;
  beforeAll(async () => {
    (dns as any).lookup = (host: string, options: any, callback: any) => {
      if (!/\.localhost$/.test(host)) {
        return (systemLookup as any)(host, options, callback);
      }
      const done = callback ?? options;
      return options?.all
        ? done(null, [{ address: '127.0.0.1', family: 4 }])
        : done(null, '127.0.0.1', 4);
    };
    const metrics = new Metrics(DAY1_VALUES.name);
    service = http.createServer((req, res) => {
      if (req.url === '/metrics') {
        scrapes.push(String(req.headers.host));
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        res.end(metrics.render());
        return;
      }
      metrics.observe(req.method ?? 'GET', 200, 0.002);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', service: DAY1_VALUES.name }));
    });
    await new Promise<void>(r => service.listen(0, '127.0.0.1', r));
    const { port } = service.address() as AddressInfo;
    root = await makeTempDir('gp-e2e-monitoring');
    harness = await startDay1Backend({
      root,
      goldenPaths: { deploy: { baseDomain: `localhost:${port}` } },
    });
  }, 120_000);

  afterAll(async () => {
    (dns as any).lookup = systemLookup;
    await harness?.backend.stop();
    await new Promise(r => service?.close(r));
    await fs.rm(root, { recursive: true, force: true });
  });

  it('records monitoring.scraped, and offers no Dashboard link without a dashboard', async () => {
    const id = await createDay1Task(harness.request, {
      ...DAY1_VALUES,
      verifyEndpoint: true,
    });
    const { task } = await waitForTask(harness.request, id);
    const { port } = service.address() as AddressInfo;
    expect(scrapes).toEqual([`day-one-svc.localhost:${port}`]);
    const monitoring = harness.record.evidence.find(e =>
      e.key.startsWith('monitoring.'),
    );
    expect(monitoring).toMatchObject({
      key: 'monitoring.scraped',
      summary: expect.stringContaining(
        'metrics http_requests_total (0 series), http_request_duration_seconds_bucket (0 series)',
      ),
    });
    const events = (
      await harness.request('GET', `/api/scaffolder/v2/tasks/${task.id}/events`)
    ).body as any[];
    const output = events.find(e => e.type === 'completion')?.body?.output;
    const dashboard = output.links.find((l: any) => l.title === 'Dashboard');
    expect(dashboard?.url).toBeFalsy();
    expect(output.links.map((l: any) => l.title)).toContain('Alerting rules');
  }, 120_000);
});
