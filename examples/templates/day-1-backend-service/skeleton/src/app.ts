import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { Metrics } from './metrics';

export const SERVICE_NAME = '${{ values.name }}';

/** The HTTP service: /health, /metrics and a hello endpoint. */
export function createApp(metrics = new Metrics(SERVICE_NAME)) {
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      // The commit this process runs (GIT_COMMIT, set by the deploy): how a
      // deploy knows the new version answers, not an older one.
      res.end(
        JSON.stringify({
          status: 'ok',
          service: SERVICE_NAME,
          commit: process.env.GIT_COMMIT,
        }),
      );
      return;
    }
    if (req.method === 'GET' && url.pathname === '/metrics') {
      res.writeHead(200, {
        'content-type': 'text/plain; version=0.0.4; charset=utf-8',
      });
      res.end(metrics.render());
      return;
    }
    if (req.method === 'GET' && url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `Hello from ${SERVICE_NAME}` }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'not found' }));
  };
  return createServer((req, res) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // /metrics itself is not counted.
      if (req.url !== '/metrics') {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        metrics.observe(req.method ?? 'GET', res.statusCode, seconds);
      }
    });
    handle(req, res);
  });
}
