import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { goldenPathsPermissions } from '@onramp/backstage-plugin-golden-paths-common';
import {
  goldenPathsEvidenceRegistryServiceRef,
  goldenPathsPullRequestSourceExtensionPoint,
  MergedPullRequestSource,
} from '@onramp/backstage-plugin-golden-paths-node';
import { readGoldenPathsConfig } from './config';
import { createStores } from './database';
import { createLocalCi } from './localCi';
import { createRouter } from './router';
import { pullRequestSourceFromConfig } from './scm/fromConfig';
import { createServices, GoldenPathRegistry } from './service';
import { createInProcessEvidenceRecorder } from './service/inProcess';
import { seedDemoHistory } from './demo/seedDemoHistory';
import { scheduleTasks } from './tasks';

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
        rootConfig: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        lifecycle: coreServices.lifecycle,
        notifications: notificationService,
        catalog: catalogServiceRef,
        evidenceRegistry: goldenPathsEvidenceRegistryServiceRef,
      },
      async init(deps) {
        const { logger, auditor, rootConfig, httpRouter, httpAuth } = deps;
        // Config, read and checked once.
        const config = readGoldenPathsConfig(rootConfig);
        const paths = await GoldenPathRegistry.fromConfig(rootConfig);
        logger.info(
          `Serving ${paths.list().length} golden paths: ${paths
            .list()
            .map(p => p.id)
            .join(', ')}`,
        );
        const configured = pullRequestSourceFromConfig(rootConfig, logger);
        if (configured) {
          sources.push(configured);
        }
        // Database: one store per aggregate over one connection.
        const stores = await createStores(deps.database);
        // Services: the rules.
        const services = createServices({
          stores,
          paths,
          config,
          userInfo: deps.userInfo,
          permissions: deps.permissions,
          notifications: deps.notifications,
          logger,
          pullRequests: sources.length > 0,
        });
        deps.permissionsRegistry.addPermissions(goldenPathsPermissions);
        if (config.demoData) {
          await seedDemoHistory({ stores, paths, logger, now: Date.now() });
        }
        // Evidence from other plugins of this backend, in-process.
        const recorder = createInProcessEvidenceRecorder({
          evidence: services.evidence,
          auditor,
        });
        deps.evidenceRegistry.setRecorder(recorder);
        // Router.
        httpRouter.use(
          createRouter({
            httpAuth,
            auditor,
            services,
            localCi: stores.localCi,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        // Scheduled tasks.
        await scheduleTasks({
          ...deps,
          config,
          stores,
          services,
          paths,
          sources,
          localCi: createLocalCi({ ...deps, store: stores.localCi, recorder }),
        });
      },
    });
  },
});
