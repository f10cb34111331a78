import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { stripTypeScriptTypes } from 'node:module';
import type { Flags } from './flags.ts';
import { renderPage } from './page.ts';

/**
 * The browser script: the built dist/web/app.js next to this file when the
 * app was built, else src/web/app.ts with its types stripped by Node.
 */
function browserScript(): string {
  const built = new URL('./web/app.js', import.meta.url);
  if (existsSync(built)) return readFileSync(built, 'utf8');
  const source = readFileSync(new URL('./web/app.ts', import.meta.url), 'utf8');
  return stripTypeScriptTypes(source);
}

/** The web app: the page, its script, /health and the flags in effect. */
export function createApp(options: { name: string; flags: Flags }) {
  const { name, flags } = options;
  const page = renderPage(name, flags);
  const script = browserScript();
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const json = (status: number, body: unknown) =>
      send(status, 'application/json', JSON.stringify(body));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      json(405, { error: 'method not allowed' });
    } else if (path === '/') {
      send(200, 'text/html; charset=utf-8', page);
    } else if (path === '/app.js') {
      send(200, 'text/javascript; charset=utf-8', script);
    } else if (path === '/flags') {
      json(200, flags);
    } else if (path === '/health') {
      // The commit this process runs (GIT_COMMIT, set by the deploy): how a
      // deploy knows the new version answers, not an older one.
      json(200, {
        status: 'ok',
        service: name,
        commit: process.env.GIT_COMMIT,
      });
    } else {
      json(404, { error: 'not found' });
    }
  });
}
