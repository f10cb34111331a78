import { Config } from '@backstage/config';

/** The `goldenPaths` settings besides the paths, read once at startup. */
export type GoldenPathsConfig = {
  /** Entity refs (users or groups) who see metrics and manage cohorts. */
  metricsViewers: string[];
  /** The evidence key "time to first deploy" counts. */
  deployEvidenceKey: string;
  /** Days without progress before a cohort owner hears about a member. */
  stuckAfterDays: number;
  /** Where the frontend mounts the plugin, for links in notifications. */
  linkPrefix: string;
  /** Seed the demo newcomers' onboarding history (embedded default only). */
  demoData: boolean;
  /** Days an approval gate waits before its approver is reminded. */
  remindAfterDays: number;
  /** How long the paths read from the catalog are served before a re-read. */
  catalogCacheMs: number;
};

/** Reads the plugin's settings; see config.d.ts. */
export function readGoldenPathsConfig(config: Config): GoldenPathsConfig {
  return {
    metricsViewers:
      config.getOptionalStringArray('goldenPaths.metrics.viewers') ?? [],
    deployEvidenceKey:
      config.getOptionalString('goldenPaths.metrics.deployEvidenceKey') ??
      'deploy.healthy',
    stuckAfterDays:
      config.getOptionalNumber('goldenPaths.notifications.stuckAfterDays') ?? 3,
    linkPrefix: '/golden-paths',
    demoData: config.getOptionalBoolean('goldenPaths.demoData') === true,
    remindAfterDays: positive(config, 'goldenPaths.gates.remindAfterDays', 2),
    catalogCacheMs:
      positive(config, 'goldenPaths.catalog.cacheSeconds', 5) * 1000,
  };
}

function positive(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!(value > 0)) {
    throw new Error(`${key} must be a positive number, got ${value}`);
  }
  return value;
}
