import { NotAllowedError } from '@backstage/errors';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ProviderContext, TeardownPlan } from '../providers/types';
import { LocalPrometheusSettings } from './config';
import { requestRateExpr } from './monitoring';
import { writeAtomically } from './prometheus';
import { isLocalhostName } from './httpGet';
import { metricsUrl } from './scrape';

const MANAGED_BY = 'onramp-golden-paths';

/** One file_sd target group (https://prometheus.io/docs/guides/file-sd/). */
export interface TargetGroup {
  targets: string[];
  labels: Record<string, string>;
}

/** The file_sd file of a service in the configured folder. */
export function targetFile(settings: LocalPrometheusSettings, name: string) {
  return path.join(settings.fileSdDir, `golden-path-${name}.json`);
}

/**
 * The target group that scrapes a service's /metrics: `*.localhost` hosts
 * become 127.0.0.1 (Prometheus does not resolve them itself); the labels
 * carry `service`, which the alerting rules select on, and the marker.
 */
export function targetGroup(name: string, serviceUrl: string): TargetGroup {
  const url = new URL(metricsUrl(serviceUrl));
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const host = isLocalhostName(url.hostname) ? '127.0.0.1' : url.hostname;
  return {
    targets: [`${host}:${port}`],
    labels: {
      service: name,
      managed_by: MANAGED_BY,
      __scheme__: url.protocol.replace(':', ''),
      __metrics_path__: url.pathname,
    },
  };
}

/** Reads a target file: undefined when absent, an error when not ours. */
export async function currentTargetFile(file: string, name: string) {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e: any) {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  }
  let groups: TargetGroup[] | undefined;
  try {
    groups = JSON.parse(text);
  } catch {
    groups = undefined;
  }
  const ours =
    Array.isArray(groups) &&
    groups.every(
      g => g?.labels?.managed_by === MANAGED_BY && g.labels.service === name,
    );
  if (!ours) {
    throw new NotAllowedError(
      `${file} exists and is not managed by the golden path for '${name}'; refusing to change it`,
    );
  }
  return text;
}

/** The file's content for a target group. */
export function renderTargetFile(group: TargetGroup) {
  return `${JSON.stringify([group], null, 2)}\n`;
}

/** A link to the local Prometheus graph of the service's request rate. */
export function graphUrl(settings: LocalPrometheusSettings, name: string) {
  const params = new URLSearchParams({
    'g0.expr': requestRateExpr(name),
    'g0.tab': '0',
    'g0.range_input': '1h',
  });
  return `${settings.url}/graph?${params}`;
}

/** How Prometheus sees the target after the wait. */
export interface TargetState {
  /** up: scraped; discovered: listed, not scraped yet. */
  health: 'up' | 'discovered';
  scrapeUrl: string;
  lastScrape?: string;
}

/**
 * Waits until `/api/v1/targets` lists the service's target and Prometheus
 * scraped it (`up`). Listed but not scraped yet when the time is up:
 * `discovered`. Down, or not listed at all, when the time is up: an error
 * with Prometheus' own reason.
 */
export async function confirmTarget(
  settings: LocalPrometheusSettings,
  name: string,
  group: TargetGroup,
): Promise<TargetState> {
  const deadline = Date.now() + settings.confirmTimeoutMs;
  let last = 'not listed';
  let listed: any;
  for (;;) {
    try {
      const res = await fetch(`${settings.url}/api/v1/targets?state=active`);
      if (res.ok) {
        const body: any = await res.json();
        listed = (body?.data?.activeTargets ?? []).find(
          (t: any) =>
            t.labels?.service === name &&
            t.discoveredLabels?.__address__ === group.targets[0],
        );
        if (listed?.health === 'up') {
          return {
            health: 'up',
            scrapeUrl: listed.scrapeUrl,
            lastScrape: listed.lastScrape,
          };
        }
        if (listed) {
          last = `health ${listed.health}${
            listed.lastError ? `: ${listed.lastError}` : ''
          }`;
        }
      } else {
        last = `HTTP ${res.status}`;
      }
    } catch (e) {
      last = String(e);
    }
    if (Date.now() >= deadline) break;
    await new Promise(r => setTimeout(r, 250));
  }
  if (listed?.health === 'unknown') {
    return { health: 'discovered', scrapeUrl: listed.scrapeUrl };
  }
  throw new Error(
    `Prometheus at ${settings.url} did not scrape ${group.targets[0]} (service ${name}) within ${settings.confirmTimeoutMs} ms: ${last}`,
  );
}

/** Writes the target file when it differs; returns whether it changed. */
export async function registerTarget(
  settings: LocalPrometheusSettings,
  name: string,
  group: TargetGroup,
) {
  const file = targetFile(settings, name);
  const wanted = renderTargetFile(group);
  const current = await currentTargetFile(file, name);
  if (current === wanted) return false;
  await writeAtomically(file, wanted);
  return true;
}

/** The service's targets Prometheus lists now. */
async function listedTargets(settings: LocalPrometheusSettings, name: string) {
  const res = await fetch(`${settings.url}/api/v1/targets?state=active`);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body: any = await res.json();
  return (body?.data?.activeTargets ?? []).filter(
    (t: any) => t.labels?.service === name,
  );
}

/**
 * Plans the removal of the service's target file (refusing a file it does
 * not own); applying it removes the file and waits until Prometheus no longer
 * lists the target.
 */
export async function planTargetTeardown(
  ctx: ProviderContext,
  settings: LocalPrometheusSettings,
  name: string,
): Promise<TeardownPlan> {
  const file = targetFile(settings, name);
  const current = await currentTargetFile(file, name);
  return {
    removed: current === undefined ? [] : [file],
    apply: async () => {
      await ctx.checkpoint({
        key: `goldenpath.teardown.localPrometheus.${name}`,
        fn: async () => {
          await fs.rm(file, { force: true });
        },
      });
      const deadline = Date.now() + settings.confirmTimeoutMs;
      while ((await listedTargets(settings, name)).length) {
        if (Date.now() >= deadline) {
          throw new Error(
            `Prometheus at ${settings.url} still lists service ${name} ${settings.confirmTimeoutMs} ms after ${file} was removed`,
          );
        }
        await new Promise(r => setTimeout(r, 250));
      }
    },
  };
}
