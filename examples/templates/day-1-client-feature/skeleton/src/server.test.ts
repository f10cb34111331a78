import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { createApp } from './server.ts';

async function withApp(
  flags: { 'welcome-banner': boolean },
  fn: (base: string) => Promise<void>,
) {
  const server = createApp({ name: 'demo-app', flags });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  try {
    await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.close();
  }
}

test('with the flag on, the page shows the welcome banner', async () => {
  await withApp({ 'welcome-banner': true }, async base => {
    const res = await fetch(`${base}/`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /data-feature="welcome-banner"/);
    assert.match(html, /Welcome to demo-app!/);
  });
});

test('with the flag off, the page has no banner', async () => {
  await withApp({ 'welcome-banner': false }, async base => {
    const html = await (await fetch(`${base}/`)).text();
    assert.doesNotMatch(html, /welcome-banner/);
    assert.match(html, /<h1>demo-app<\/h1>/);
  });
});

test('the browser script is served as JavaScript, its types stripped', async () => {
  await withApp({ 'welcome-banner': true }, async base => {
    const res = await fetch(`${base}/app.js`);
    assert.match(res.headers.get('content-type') ?? '', /text\/javascript/);
    const script = await res.text();
    assert.match(script, /welcome-banner-dismissed/);
    assert.doesNotMatch(script, /: Document|: Storage|<HTMLElement>/);
    // It parses as JavaScript.
    assert.doesNotThrow(() => new Function(script));
  });
});

test('GET /health answers ok with the commit it runs; /flags lists the flags', async () => {
  process.env.GIT_COMMIT = 'c0ffee';
  await withApp({ 'welcome-banner': true }, async base => {
    assert.deepEqual(await (await fetch(`${base}/health`)).json(), {
      status: 'ok',
      service: 'demo-app',
      commit: 'c0ffee',
    });
    assert.deepEqual(await (await fetch(`${base}/flags`)).json(), {
      'welcome-banner': true,
    });
    assert.equal((await fetch(`${base}/nope`)).status, 404);
    assert.equal((await fetch(`${base}/`, { method: 'POST' })).status, 405);
  });
});
