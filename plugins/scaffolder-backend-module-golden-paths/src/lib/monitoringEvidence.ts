import { ProviderContext } from '../providers/types';
import { LocalPrometheusSettings } from './config';
import {
  confirmTarget,
  graphUrl,
  registerTarget,
  targetFile,
  targetGroup,
  TargetState,
} from './localPrometheus';
import { requiredMetrics } from './monitoring';
import { scrapeAndCheck, ScrapeReport } from './scrape';

/** Evidence that the rules are committed and the service's metrics answer. */
export const SCRAPED_EVIDENCE_KEY = 'monitoring.scraped';
/** Evidence that the rules are committed (or loaded) only. */
export const CONFIGURED_EVIDENCE_KEY = 'monitoring.configured';

/** What the monitoring step proved beyond shipping the rules. */
export interface MonitoringEvidence {
  evidenceKey: string;
  scrape?: ScrapeReport;
  target?: TargetState & { file: string };
  /** The local Prometheus graph of the service, when Prometheus scraped it. */
  graphUrl?: string;
}

/**
 * Scrapes the running service's `/metrics` and checks it holds what the
 * rules read; with a local Prometheus, registers the service as a file_sd
 * target and waits until Prometheus lists it. Without a service URL (the
 * deploy runs nothing this portal can reach) there is nothing to check and
 * the evidence stays `monitoring.configured`.
 */
export async function verifyMonitoring(
  ctx: ProviderContext,
  options: {
    name: string;
    serviceUrl?: string;
    scrapeTimeoutMs: number;
    localPrometheus?: LocalPrometheusSettings;
  },
): Promise<MonitoringEvidence> {
  const { name, serviceUrl, localPrometheus } = options;
  if (!serviceUrl) {
    ctx.logger.info(
      'Metrics not checked: no serviceUrl (nothing this portal can reach runs the service)',
    );
    return { evidenceKey: CONFIGURED_EVIDENCE_KEY };
  }
  const required = requiredMetrics(name);
  const group = localPrometheus && targetGroup(name, serviceUrl);
  if (ctx.isDryRun) {
    ctx.logger.info(
      `Dry run: would fetch ${serviceUrl.replace(
        /\/?$/,
        '/',
      )}metrics, parse it and require ${required
        .map(m => m.sample)
        .join(', ')}${
        localPrometheus
          ? `, write ${targetFile(localPrometheus, name)} and wait for ${
              group!.targets[0]
            } on ${localPrometheus.url}/api/v1/targets`
          : ''
      }`,
    );
    return { evidenceKey: CONFIGURED_EVIDENCE_KEY };
  }
  const scrape = await scrapeAndCheck({
    serviceUrl,
    required,
    timeoutMs: options.scrapeTimeoutMs,
  });
  ctx.logger.info(
    `${scrape.url}: valid exposition text, ${
      scrape.families
    } metric families, ${scrape.samples} samples; ${scrape.found
      .map(f => `${f.sample} (${f.type}, ${f.series} series)`)
      .join(', ')}`,
  );
  if (!localPrometheus || !group) {
    return { evidenceKey: SCRAPED_EVIDENCE_KEY, scrape };
  }
  const file = targetFile(localPrometheus, name);
  await ctx.checkpoint({
    key: `goldenpath.monitoring.localPrometheus.target.${name}`,
    fn: async () => {
      const changed = await registerTarget(localPrometheus, name, group);
      ctx.logger.info(
        changed ? `Wrote ${file}` : `${file} already lists the service`,
      );
    },
  });
  const state = await confirmTarget(localPrometheus, name, group);
  ctx.logger.info(
    state.health === 'up'
      ? `Prometheus at ${localPrometheus.url} scrapes ${state.scrapeUrl} (up)`
      : `Prometheus at ${localPrometheus.url} lists ${state.scrapeUrl} and has not scraped it yet`,
  );
  return {
    evidenceKey: SCRAPED_EVIDENCE_KEY,
    scrape,
    target: { ...state, file },
    graphUrl: graphUrl(localPrometheus, name),
  };
}
