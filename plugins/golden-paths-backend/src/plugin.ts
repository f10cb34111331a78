import {
  coreServices,
  createBackendPlugin,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import path from 'node:path';
import { GithubMergedPullRequestSource } from './scm/GithubMergedPullRequestSource';
import { LocalGitMergeSource } from './scm/LocalGitMergeSource';
import { syncMergedPullRequests } from './scm/sync';
import {
  goldenPathsPullRequestSourceExtensionPoint,
  MergedPullRequestSource,
} from './scm/types';
import { notificationService } from '@backstage/plugin-notifications-node';
import { goldenPathsPermissions } from '@onramp/backstage-plugin-golden-paths-common';
import { GoldenPathsStore } from './database/GoldenPathsStore';
import { MetricsStore } from './database/MetricsStore';
import { GoldenPathsService } from './service/GoldenPathsService';
import {
  notifyOnCompletion,
  notifyStuckMembers,
} from './service/notifications';
import { GoldenPathRegistry } from './service/paths';
import { createRouter } from './service/router';

/**
 * The built-in merged pull request source chosen by
 * `goldenPaths.pullRequests.source`: `local-git` (the default; needs
 * `localGit.root`) or `github` (needs `github.organizations` and an
 * `integrations.github` entry for `github.host`).
 */
export function pullRequestSourceFromConfig(
  config: Config,
  logger: LoggerService,
): MergedPullRequestSource | undefined {
  const source =
    config.getOptionalString('goldenPaths.pullRequests.source') ?? 'local-git';
  if (source === 'github') {
    const github = GithubMergedPullRequestSource.fromConfig(config, {
      logger,
    });
    logger.info(
      `Merged pull requests for time to 10th merged PR come from GitHub (${github.id})`,
    );
    return github;
  }
  if (source !== 'local-git') {
    throw new Error(
      `goldenPaths.pullRequests.source must be local-git or github, not "${source}"`,
    );
  }
  const localGitRoot = config.getOptionalString(
    'goldenPaths.pullRequests.localGit.root',
  );
  return localGitRoot
    ? new LocalGitMergeSource(path.resolve(process.cwd(), localGitRoot))
    : undefined;
}

/**
 * Golden Paths: journeys on onboarding paths, progress proven by evidence,
 * and onboarding metrics.
 *
 * @public
 */
export const goldenPathsPlugin = createBackendPlugin({
  pluginId: 'golden-paths',
  register(env) {
    const sources: MergedPullRequestSource[] = [];
    env.registerExtensionPoint(goldenPathsPullRequestSourceExtensionPoint, {
      addSource(source) {
        sources.push(source);
      },
    });
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        auditor: coreServices.auditor,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        notifications: notificationService,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({
        logger,
        auditor,
        config,
        database,
        httpRouter,
        httpAuth,
        userInfo,
        permissions,
        permissionsRegistry,
        scheduler,
        notifications,
        catalog,
        auth,
      }) {
        const paths = await GoldenPathRegistry.fromConfig(config);
        logger.info(
          `Serving ${paths.list().length} golden paths: ${paths
            .list()
            .map(p => p.id)
            .join(', ')}`,
        );
        const store = await GoldenPathsStore.create({ database });
        const service = new GoldenPathsService(store, paths);
        const linkPrefix = '/golden-paths';
        notifyOnCompletion({ service, notifications, logger, linkPrefix });

        permissionsRegistry.addPermissions(goldenPathsPermissions);

        const stuckAfterDays =
          config.getOptionalNumber(
            'goldenPaths.notifications.stuckAfterDays',
          ) ?? 3;
        await scheduler.scheduleTask({
          id: 'golden-paths-stuck-members',
          frequency: { hours: 1 },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            await notifyStuckMembers({
              store,
              service,
              paths,
              notifications,
              logger,
              now: Date.now(),
              stuckAfterDays,
              linkPrefix,
            });
          },
        });

        const configured = pullRequestSourceFromConfig(config, logger);
        if (configured) {
          sources.push(configured);
        }
        if (sources.length > 0) {
          await scheduler.scheduleTask({
            id: 'golden-paths-merged-pull-requests',
            frequency: { minutes: 10 },
            timeout: { minutes: 10 },
            initialDelay: { seconds: 30 },
            fn: async () => {
              await syncMergedPullRequests({
                sources,
                store,
                catalog,
                auth,
                logger,
              });
            },
          });
        }

        httpRouter.use(
          await createRouter({
            logger,
            auditor,
            httpAuth,
            userInfo,
            permissions,
            config,
            service,
            store,
            metricsStore: new MetricsStore(store.db),
            paths,
            pullRequests: sources.length > 0,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
