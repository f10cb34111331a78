import { httpGet } from './httpGet';
import { MetricFamily, parseExposition } from './exposition';

/** The `/metrics` URL of a service base URL. */
export function metricsUrl(serviceUrl: string) {
  return new URL(
    'metrics',
    serviceUrl.endsWith('/') ? serviceUrl : `${serviceUrl}/`,
  ).href;
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
      const attemptMs = options.attemptTimeoutMs ?? 5000;
      const timeout = AbortSignal.timeout(attemptMs);
      answer = await httpGet(url, timeout, { accept: 'text/plain' }).catch(
        e => {
          throw timeout.aborted
            ? new Error(`no answer within ${attemptMs} ms`)
            : e;
        },
      );
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
