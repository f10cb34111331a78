import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { goldenPathsPermissions } from '@onramp/backstage-plugin-golden-paths-common';
import {
  catalogMembership,
  checkOnrampIntegrations,
} from '@onramp/backstage-plugin-onramp-node';
import {
  goldenPathsEvidenceRegistryServiceRef,
  goldenPathsPullRequestSourceExtensionPoint,
  MergedPullRequestSource,
} from '@onramp/backstage-plugin-golden-paths-node';
import { readGoldenPathsConfig } from './config';
import { createStores } from './database';
import { goldenPathsIntegrations } from './integrations';
import { createLocalCi } from './localCi';
import { createRouter } from './router';
import { pullRequestSourceFromConfig } from './scm/fromConfig';
import {
  CatalogPathSource,
  createServices,
  GoldenPathRegistry,
} from './service';
import { createInProcessEvidenceRecorder } from './service/inProcess';
import { SkillExchangeBuddySource } from './service/skillExchangeBuddies';
import { catalogTeams } from './service/catalogTeams';
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
        discovery: coreServices.discovery,
        lifecycle: coreServices.lifecycle,
        notifications: notificationService,
        catalog: catalogServiceRef,
        evidenceRegistry: goldenPathsEvidenceRegistryServiceRef,
        system: coreServices.rootSystemMetadata,
        instance: coreServices.rootInstanceMetadata,
      },
      async init(deps) {
        const { logger, auditor, rootConfig, httpRouter, httpAuth } = deps;
        // Config, read and checked once.
        const config = readGoldenPathsConfig(rootConfig);
        const configured = pullRequestSourceFromConfig(rootConfig, logger);
        if (configured) {
          sources.push(configured);
        }
        // What else is installed: each optional integration that is off is
        // one log line naming what turns it on.
        const on = await checkOnrampIntegrations({
          ...deps,
          title: 'Golden Paths',
          integrations: goldenPathsIntegrations({
            pullRequestSources: sources.length > 0,
          }),
        });
        const notifications = on.notifications
          ? deps.notifications
          : { send: async () => {} };
        // Database: one store per aggregate over one connection.
        const stores = await createStores(deps.database);
        // Paths: the catalog's GoldenPath entities, read once the backend
        // serves (the catalog is another plugin) and re-read when stale.
        const paths = new GoldenPathRegistry();
        const pathSource = new CatalogPathSource({
          registry: paths,
          catalog: deps.catalog,
          auth: deps.auth,
          pathSteps: stores.pathSteps,
          logger,
          ttlMs: config.catalogCacheMs,
        });
        // Services: the rules.
        const services = createServices({
          stores,
          paths,
          config,
          userInfo: deps.userInfo,
          permissions: deps.permissions,
          notifications,
          logger,
          pullRequests: sources.length > 0,
          membership: userEntityRef =>
            catalogMembership(deps.catalog, deps.auth, userEntityRef),
          buddyCandidates: on.skillExchange
            ? new SkillExchangeBuddySource(deps.discovery, deps.auth)
            : undefined,
          teams: catalogTeams({
            ...deps,
            annotation: config.managerAnnotation,
          }),
        });
        deps.permissionsRegistry.addPermissions(goldenPathsPermissions);
        // Evidence from other plugins of this backend, in-process.
        const recorder = createInProcessEvidenceRecorder({
          evidence: services.evidence,
          auditor,
          freshPaths: () => paths.fresh(),
        });
        deps.evidenceRegistry.setRecorder(recorder);
        // Router.
        httpRouter.use(
          createRouter({
            httpAuth,
            auditor,
            services,
            localCi: stores.localCi,
            mergedPullRequests: stores.mergedPullRequests,
            settings: stores.bootcamps,
            freshPaths: () => paths.fresh(),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        // Scheduled tasks.
        deps.lifecycle.addStartupHook(async () => {
          await pathSource
            .refresh()
            .catch(error =>
              logger.warn(
                `Could not read golden paths from the catalog: ${error}`,
              ),
            );
        });
        await scheduleTasks({
          seedDemo: config.demoData
            ? () => seedDemoHistory({ stores, paths, logger, now: Date.now() })
            : undefined,
          ...deps,
          notifications,
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
