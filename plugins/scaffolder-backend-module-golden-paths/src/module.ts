import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { goldenPathsEvidenceServiceRef } from '@onramp/backstage-plugin-golden-paths-node';
import { createActions } from './actions';
import { readSettings } from './lib/config';
import { createLinkBuilder } from './lib/links';
import { createNameRouter } from './lib/nameRouter';
import { createServiceNameChecker } from './lib/nameCheck';
import { startLocalRuntime } from './lib/localRuntime/lifecycle';
import { LocalRuntime } from './lib/localRuntime/runtime';
import { createRepositoryRouter } from './lib/repoServer';
import { createRuntimeRouter } from './lib/runtimeRouter';
import {
  checkOnrampIntegrations,
  OnrampAdmins,
} from '@onramp/backstage-plugin-onramp-node';
import { dayOneIntegrations } from './integrations';
import { ServiceAccess } from './lib/serviceAccess';
import { createTeardownRouter } from './lib/teardownRouter';
import { addBuiltInProviders } from './providers/builtIn';
import {
  goldenPathsProvidersExtensionPoint,
  ProviderRegistry,
} from './providers/registry';

/**
 * The golden-paths scaffolder module: Day-1 actions and their providers.
 * Other scaffolder modules add providers through
 * {@link goldenPathsProvidersExtensionPoint}.
 * @public
 */
export const scaffolderModuleGoldenPaths = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'golden-paths',
  register({ registerExtensionPoint, registerInit }) {
    const registry = new ProviderRegistry();
    registerExtensionPoint(goldenPathsProvidersExtensionPoint, {
      addDeployProvider: (...p) => registry.addDeployProvider(...p),
      addMonitoringProvider: (...p) => registry.addMonitoringProvider(...p),
      addDnsProvider: (...p) => registry.addDnsProvider(...p),
    });
    registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        evidence: goldenPathsEvidenceServiceRef,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        catalog: catalogServiceRef,
        lifecycle: coreServices.lifecycle,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        userInfo: coreServices.userInfo,
        system: coreServices.rootSystemMetadata,
        instance: coreServices.rootInstanceMetadata,
      },
      async init({
        scaffolder,
        config,
        discovery,
        evidence,
        logger,
        httpRouter,
        httpAuth,
        catalog,
        lifecycle,
        auth,
        auditor,
        userInfo,
        system,
        instance,
      }) {
        const on = await checkOnrampIntegrations({
          title: 'Golden Paths Day-1 actions',
          logger,
          system,
          instance,
          integrations: dayOneIntegrations,
        });
        const settings = readSettings(config);
        const links = createLinkBuilder(settings, () =>
          discovery.getExternalBaseUrl('scaffolder'),
        );
        const localRuntime = new LocalRuntime({
          settings: settings.deploy.local,
          logger: logger.child({ component: 'local-runtime' }),
        });
        // Modules that add providers initialize before this one.
        addBuiltInProviders(registry, { settings, links, localRuntime });
        const providers = registry.select(settings);
        registry.lock();
        if (providers.deploy.name === 'local') {
          startLocalRuntime({
            settings,
            runtime: localRuntime,
            lifecycle,
            logger,
          });
        }
        logger.info(
          `Day-1 providers: deploy ${providers.deploy.name}, monitoring ${
            providers.monitoring.name
          }${
            providers.dashboards
              ? ` (dashboards ${providers.dashboards.name})`
              : ''
          }, dns ${providers.dns.name}`,
        );
        if (settings.git.serveLocalRepositories) {
          httpRouter.use(createRepositoryRouter(settings));
          httpRouter.addAuthPolicy({
            path: '/golden-paths/git',
            allow: 'unauthenticated',
          });
          logger.info(
            `Serving files of the local repositories in ${settings.git.root} read-only under /golden-paths/git`,
          );
        }
        const nameCheck = createServiceNameChecker({
          settings,
          catalog,
          links,
          appBaseUrl: config.getOptionalString('app.baseUrl'),
        });
        httpRouter.use(createNameRouter({ httpAuth, check: nameCheck }));
        const serviceAccess: ServiceAccess = {
          catalog,
          auth,
          userInfo,
          admins: OnrampAdmins.fromConfig(config),
        };
        httpRouter.use(
          createRuntimeRouter({
            httpAuth,
            auditor,
            settings,
            deployProvider: providers.deploy.name,
            runtime: localRuntime,
            access: serviceAccess,
          }),
        );
        httpRouter.use(
          createTeardownRouter({
            settings,
            httpAuth,
            auth,
            discovery,
            auditor,
            access: serviceAccess,
          }),
        );
        scaffolder.addActions(
          ...createActions({
            settings,
            discovery,
            evidence: on.goldenPaths ? evidence : undefined,
            providers,
            nameCheck,
            serviceAccess,
          }),
        );
      },
    });
  },
});
