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
  };
}
