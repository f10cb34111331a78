import http from 'node:http';
import { AddressInfo } from 'node:net';
import { CheckpointStore, makeContext } from '../__testUtils__/context';
import { itRunsEveryExample } from '../__testUtils__/examples';
import { createVerifyEndpointAction } from './verifyEndpoint';
import { examples } from './verifyEndpoint.examples';

describe('goldenpath:endpoint:verify (against a local HTTP server)', () => {
  let server: http.Server;
  let base: string;
  let requests: string[];
  let hosts: string[];
  let failuresBeforeHealthy: number;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(req.url!);
      hosts.push(req.headers.host!);
      if (req.url === '/slow') {
        setTimeout(() => res.end('late'), 1000);
        return;
      }
      if (req.url === '/health' && failuresBeforeHealthy > 0) {
        failuresBeforeHealthy--;
        res.statusCode = 503;
        res.end('starting');
        return;
      }
      if (req.url === '/health') {
        res.setHeader('content-type', 'application/json');
        res.end('{"status": "ok"}');
        return;
      }
      res.statusCode = 404;
      res.end('not found');
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(r => server.close(r)));
  beforeEach(() => {
    requests = [];
    hosts = [];
    failuresBeforeHealthy = 0;
  });

  const action = createVerifyEndpointAction();

  itRunsEveryExample(examples, async input => {
    input.url = input.url.replace(/^http:\/\/[^/]+/, base);
    input.retryDelayMs = 10;
    const { ctx, outputs } = makeContext({ input });
    await action.handler(ctx);
    expect(outputs).toMatchObject({
      result: 'passed',
      status: 200,
      attempts: 1,
    });
    expect(outputs.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('reaches *.localhost on loopback without /etc/hosts, keeping the Host header', async () => {
    const port = new URL(base).port;
    const { ctx, outputs } = makeContext({
      input: { url: `http://day-one-svc.localhost:${port}/health`, retries: 0 },
    });
    await action.handler(ctx);
    expect(outputs).toMatchObject({ result: 'passed', status: 200 });
    expect(hosts).toEqual([`day-one-svc.localhost:${port}`]);
  });

  it('retries until the endpoint is healthy', async () => {
    failuresBeforeHealthy = 2;
    const { ctx, outputs } = makeContext({
      input: { url: `${base}/health`, retries: 5, retryDelayMs: 10 },
    });
    await action.handler(ctx);
    expect(outputs.attempts).toBe(3);
    expect(requests).toEqual(['/health', '/health', '/health']);
  });

  it('fails with the last reason after the retries', async () => {
    await expect(
      action.handler(
        makeContext({
          input: { url: `${base}/missing`, retries: 1, retryDelayMs: 10 },
        }).ctx,
      ),
    ).rejects.toThrow(
      /did not answer as expected after 2 attempts: status 404, expected 200/,
    );
    await expect(
      action.handler(
        makeContext({
          input: { url: `${base}/health`, bodyMatch: 'healthy', retries: 0 },
        }).ctx,
      ),
    ).rejects.toThrow(/body does not match \/healthy\//);
    await expect(
      action.handler(
        makeContext({
          input: { url: `${base}/slow`, timeoutMs: 200, retries: 0 },
        }).ctx,
      ),
    ).rejects.toThrow(/no answer within 200 ms/);
  });

  it('dry-run makes no request; a retried task does not verify twice', async () => {
    const dry = makeContext({
      input: { url: `${base}/health` },
      isDryRun: true,
    });
    await action.handler(dry.ctx);
    expect(dry.outputs).toMatchObject({ result: 'dry-run', attempts: 0 });
    expect(requests).toEqual([]);
    const store = new CheckpointStore();
    await action.handler(
      makeContext({ input: { url: `${base}/health` }, checkpoints: store }).ctx,
    );
    const retry = makeContext({
      input: { url: `${base}/health` },
      checkpoints: store,
    });
    await action.handler(retry.ctx);
    expect(retry.outputs.result).toBe('passed');
    expect(requests).toEqual(['/health']);
  });

  it('rejects bad input', async () => {
    await expect(
      action.handler(
        makeContext({ input: { url: 'ftp://x', bodyMatch: '(' } }).ctx,
      ),
    ).rejects.toThrow(/url: must be an http or https URL/);
    await expect(
      action.handler(
        makeContext({ input: { url: `${base}/health`, bodyMatch: '(' } }).ctx,
      ),
    ).rejects.toThrow(/bodyMatch is not a regular expression/);
  });
});
