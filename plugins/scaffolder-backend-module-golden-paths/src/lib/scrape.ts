import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import { LookupFunction } from 'node:net';
import { MetricFamily, parseExposition } from './exposition';

/** Answers of more than this many bytes are refused. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** True for `localhost` and names under it (RFC 6761: always loopback). */
export function isLocalhostName(host: string) {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost');
}

/** Resolves `*.localhost` to 127.0.0.1 itself, everything else as usual. */
const lookup: LookupFunction = (hostname, options, callback) => {
  if (isLocalhostName(hostname)) {
    if ((options as dns.LookupOptions).all) {
      (callback as any)(null, [{ address: '127.0.0.1', family: 4 }]);
    } else {
      callback(null, '127.0.0.1', 4);
    }
    return;
  }
  dns.lookup(hostname, options, callback as any);
};

/** The `/metrics` URL of a service base URL. */
export function metricsUrl(serviceUrl: string) {
  return new URL(
    'metrics',
    serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`,
  ).href;
}

/** One GET: the status, the content type and the body (bounded). */
export function httpGet(
  url: string,
  timeoutMs: number,
): Promise<{ status: number; contentType: string; body: string }> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(
      target,
      { lookup, timeout: timeoutMs, headers: { accept: 'text/plain' } },
      res => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            req.destroy(
              new Error(`the answer is larger than ${MAX_BODY_BYTES} bytes`),
            );
          } else chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`no answer within ${timeoutMs} ms`)),
    );
    req.on('error', reject);
  });
}

/** A metric the alerting rules read, and the family that must expose it. */
export interface RequiredMetric {
  /** The sample name in the rule's expression. */
  sample: string;
  /** The family declaring it, and the types that fit. */
  family: string;
  types: string[];
  /** The alert that reads it. */
  alert: string;
}

/** What a scrape found. */
export interface ScrapeReport {
  url: string;
  families: number;
  samples: number;
  /** Per required metric: how many series carry it now. */
  found: { sample: string; type: string; series: number }[];
}

function describe(e: unknown) {
  const err = e as Error & { code?: string };
  return err.code ? `${err.code} ${err.message}` : err.message;
}

/**
 * Fetches `<serviceUrl>/metrics` until it answers 200 or the time is up
 * (a service may still be starting), then parses it strictly and checks that
 * every metric the alerting rules read is exposed. Invalid text fails at
 * once, naming the line; a missing metric fails naming the metric.
 */
export async function scrapeAndCheck(options: {
  serviceUrl: string;
  required: RequiredMetric[];
  timeoutMs: number;
  attemptTimeoutMs?: number;
  retryDelayMs?: number;
}): Promise<ScrapeReport> {
  const url = metricsUrl(options.serviceUrl);
  const deadline = Date.now() + options.timeoutMs;
  let answer: Awaited<ReturnType<typeof httpGet>> | undefined;
  let last = '';
  for (;;) {
    try {
      answer = await httpGet(url, options.attemptTimeoutMs ?? 5000);
      if (answer.status === 200) break;
      last = `HTTP ${answer.status}: ${answer.body.trim().slice(0, 200)}`;
    } catch (e) {
      last = describe(e);
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `${url} did not answer 200 within ${options.timeoutMs} ms: ${last}`,
      );
    }
    await new Promise(r => setTimeout(r, options.retryDelayMs ?? 500));
  }
  let families: MetricFamily[];
  try {
    families = parseExposition(answer.body);
  } catch (e) {
    throw new Error(
      `${url} is not valid Prometheus exposition text (format 0.0.4), ${
        (e as Error).message
      }`,
    );
  }
  const byName = new Map(families.map(f => [f.name, f]));
  const found = options.required.map(metric => {
    const family = byName.get(metric.family) ?? byName.get(metric.sample);
    const fits =
      family &&
      (metric.types.includes(family.type) ||
        (family.type === 'untyped' && family.name === metric.sample));
    if (!family || !fits) {
      const exposed = families.map(f => `${f.name} (${f.type})`).join(', ');
      throw new Error(
        `${url} does not expose ${metric.sample} (${metric.types.join(
          ' or ',
        )} ${metric.family}), which alert ${metric.alert} reads; it exposes ${
          exposed || 'no metrics'
        }`,
      );
    }
    return {
      sample: metric.sample,
      type: family.type,
      series: family.samples.filter(s => s.name === metric.sample).length,
    };
  });
  return {
    url,
    families: families.length,
    samples: families.reduce((n, f) => n + f.samples.length, 0),
    found,
  };
}
