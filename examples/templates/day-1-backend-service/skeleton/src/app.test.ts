import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createApp, SERVICE_NAME } from './app';

const server = createApp();
let base = '';

before(async () => {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.close();
});

test('GET /health answers ok with the commit it runs', async () => {
  process.env.GIT_COMMIT = 'c0ffee';
  const res = await fetch(`${base}/health`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), {
    status: 'ok',
    service: SERVICE_NAME,
    commit: 'c0ffee',
  });
});

test('GET /metrics counts requests by service and code', async () => {
  await fetch(`${base}/`);
  await fetch(`${base}/nope`);
  const text = await (await fetch(`${base}/metrics`)).text();
  assert.match(
    text,
    new RegExp(
      `http_requests_total\\{service="${SERVICE_NAME}",method="GET",code="404"\\} 1`,
    ),
  );
  assert.match(
    text,
    /http_request_duration_seconds_bucket\{.*le="\+Inf"\} \d+/,
  );
});
