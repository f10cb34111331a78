import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { MergedPullRequestSource } from '@onramp/backstage-plugin-golden-paths-node';
import { GoldenPathsConfig } from '../config';
import { GoldenPathsStores } from '../database';
import { DEMO_NEWCOMERS } from '../demo/demoNewcomers';
import { LocalCi } from '../localCi';
import { syncMergedPullRequests } from '../scm/sync';
import { GoldenPathsServices, notifyStuckMembers } from '../service';
import { GoldenPathRegistry } from '../service/paths';
import { syncStartDates } from '../service/startDates';

/**
 * The plugin's scheduled work, through the scheduler so that one replica
 * runs each task at a time: hourly stuck-member notices and the rebuild of
 * the step metrics rollup, the start dates from the catalog every minute,
 * the merged pull request sync every 10 minutes when there is a source, the
 * pulse survey asks, and the local git server's watcher (goldenPaths.localCi)
 * when enabled.
 */
export async function scheduleTasks(options: {
  scheduler: SchedulerService;
  config: GoldenPathsConfig;
  stores: GoldenPathsStores;
  services: GoldenPathsServices;
  paths: GoldenPathRegistry;
  sources: MergedPullRequestSource[];
  localCi?: { ci: LocalCi; pollIntervalSeconds: number };
  /** Seeds the demo history once the demo paths are in the catalog. */
  seedDemo?: () => Promise<number>;
  notifications: NotificationService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
}) {
  const { scheduler, config, stores, logger } = options;
  // Approvers of approval steps waiting longer than remindAfterDays are
  // reminded; each gate is claimed in the database, so once per period
  // across replicas.
  await scheduler.scheduleTask({
    id: 'golden-paths-gate-reminders',
    frequency: { hours: 1 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      await options.paths.fresh();
      const sent = await options.services.gates.remindApprovers(
        config.remindAfterDays,
      );
      if (sent > 0) {
        logger.info(`Reminded the approvers of ${sent} waiting step(s)`);
      }
    },
  });
  if (options.seedDemo) {
    // The demo history needs the demo paths, which the catalog ingests
    // after the backend starts: try every 15 s until they are there (the
    // seeding itself does nothing once the first newcomer has a journey).
    const seedDemo = options.seedDemo;
    let seeded = false;
    await scheduler.scheduleTask({
      id: 'golden-paths-demo-history',
      scope: 'local',
      frequency: { seconds: 15 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 5 },
      fn: async () => {
        if (seeded) return;
        await options.paths.fresh();
        // Every demo newcomer's path must be there, or some would be skipped.
        if (DEMO_NEWCOMERS.some(p => !options.paths.get(p.pathId))) return;
        await seedDemo();
        seeded = true;
      },
    });
  }
  // The per-step metrics rollup (gp_step_metrics) is kept in step by the
  // transactions that record completions; rebuilding it hourly picks up
  // rows written around the plugin (restores, imports) and, on the first
  // run after its migration, the completions from before. Global: one
  // replica rebuilds per period.
  await scheduler.scheduleTask({
    id: 'golden-paths-step-metrics',
    scope: 'global',
    frequency: { hours: 1 },
    timeout: { minutes: 10 },
    initialDelay: { seconds: 30 },
    fn: async () => {
      const { groups, corrected } = await stores.metrics.rebuildStepMetrics(
        Date.now(),
      );
      const message = `Rebuilt the step metrics rollup: ${groups} step(s), ${corrected} corrected`;
      if (corrected > 0) {
        logger.info(message);
      } else {
        logger.debug(message);
      }
    },
  });
  await scheduler.scheduleTask({
    id: 'golden-paths-stuck-members',
    frequency: { hours: 1 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      await notifyStuckMembers({
        cohorts: stores.cohorts,
        journeys: options.services.journeys,
        paths: options.paths,
        notifications: options.notifications,
        logger,
        now: Date.now(),
        stuckAfterDays: config.stuckAfterDays,
        linkPrefix: config.linkPrefix,
      });
    },
  });
  // Start dates from the catalog, for metrics and the evidence-date rule.
  // Every minute: a fresh portal's catalog ingests its users after the
  // first run, and until the next one nobody has a start date (metrics count
  // from journey starts, old evidence counts). One query of the users, as
  // the local CI's watcher makes every 10 s.
  await scheduler.scheduleTask({
    id: 'golden-paths-start-dates',
    frequency: { minutes: 1 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 15 },
    fn: async () => {
      await syncStartDates({
        catalog: options.catalog,
        auth: options.auth,
        store: stores.people,
        logger,
        now: Date.now(),
      });
    },
  });
  // Pulse surveys at day 7, 30, 60 and 90 (goldenPaths.pulse.schedule):
  // each (person, day) is claimed in the database before it is asked.
  await scheduler.scheduleTask({
    id: 'golden-paths-pulse-asks',
    ...config.pulse.schedule,
    fn: async () => {
      await options.services.pulse.askDue();
    },
  });
  if (options.sources.length > 0) {
    await scheduler.scheduleTask({
      id: 'golden-paths-merged-pull-requests',
      frequency: { minutes: 10 },
      timeout: { minutes: 10 },
      initialDelay: { seconds: 30 },
      fn: async () => {
        await syncMergedPullRequests({
          sources: options.sources,
          store: stores.mergedPullRequests,
          catalog: options.catalog,
          auth: options.auth,
          logger,
        });
      },
    });
  }
  if (options.localCi) {
    const { ci, pollIntervalSeconds } = options.localCi;
    await scheduler.scheduleTask({
      id: 'golden-paths-local-ci',
      frequency: { seconds: pollIntervalSeconds },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 5 },
      fn: async () => {
        await ci.poll();
      },
    });
  }
}
