import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { MANAGER_ANNOTATION } from '@onramp/backstage-plugin-onramp-node';

/** The `goldenPaths` settings besides the paths, read once at startup. */
export type GoldenPathsConfig = {
  /** Entity refs (users or groups) who see metrics and manage cohorts. */
  metricsViewers: string[];
  /** Metrics hide groups of fewer people than this (3 or more; default 5). */
  minimumGroupSize: number;
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
  /** Onboarding buddies: suggested from the Skill Exchange when a journey starts. */
  buddies: { enabled: boolean; maxPerBuddy: number };
  /** The Group annotation naming a group's manager ("My team's onboarding"). */
  managerAnnotation: string;
  /** Pulse surveys: when the ask runs, and how late a day is still asked. */
  pulse: {
    schedule: SchedulerServiceTaskScheduleDefinition;
    catchUpDays: number;
  };
};

/** Reads the plugin's settings; see config.d.ts. */
export function readGoldenPathsConfig(config: Config): GoldenPathsConfig {
  return {
    metricsViewers:
      config.getOptionalStringArray('goldenPaths.metrics.viewers') ?? [],
    minimumGroupSize: minimumGroupSize(config),
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
    buddies: {
      enabled: config.getOptionalBoolean('goldenPaths.buddies.enabled') ?? true,
      maxPerBuddy: maxPerBuddy(config),
    },
    managerAnnotation:
      config.getOptionalString('goldenPaths.managers.annotation') ??
      MANAGER_ANNOTATION,
    pulse: {
      schedule: config.has('goldenPaths.pulse.schedule')
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
            config.getConfig('goldenPaths.pulse.schedule'),
          )
        : {
            frequency: { hours: 1 },
            timeout: { minutes: 10 },
            initialDelay: { minutes: 1 },
          },
      catchUpDays: positive(config, 'goldenPaths.pulse.catchUpDays', 14),
    },
  };
}

function positive(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!(value > 0)) {
    throw new Error(`${key} must be a positive number, got ${value}`);
  }
  return value;
}

/** The smallest `goldenPaths.metrics.minimumGroupSize` accepted. */
export const MINIMUM_GROUP_SIZE_FLOOR = 3;
/** `goldenPaths.metrics.minimumGroupSize` when unset. */
export const DEFAULT_MINIMUM_GROUP_SIZE = 5;

/**
 * `goldenPaths.metrics.minimumGroupSize`: a whole number from 3 (below it a
 * median is one or two people's own figure) to 1000.
 */
function minimumGroupSize(config: Config): number {
  const key = 'goldenPaths.metrics.minimumGroupSize';
  const value = config.getOptionalNumber(key) ?? DEFAULT_MINIMUM_GROUP_SIZE;
  if (
    !Number.isInteger(value) ||
    value < MINIMUM_GROUP_SIZE_FLOOR ||
    value > 1000
  ) {
    throw new Error(
      `${key} must be a whole number from ${MINIMUM_GROUP_SIZE_FLOOR} to 1000, got ${value}`,
    );
  }
  return value;
}

/** `goldenPaths.buddies.maxPerBuddy`: a whole number from 1 to 100 (default 3). */
function maxPerBuddy(config: Config): number {
  const key = 'goldenPaths.buddies.maxPerBuddy';
  const value = config.getOptionalNumber(key) ?? 3;
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw new Error(
      `${key} must be a whole number from 1 to 100, got ${value}`,
    );
  }
  return value;
}
