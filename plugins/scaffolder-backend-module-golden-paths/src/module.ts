import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { goldenPathsEvidenceServiceRef } from '@onramp/backstage-plugin-golden-paths-node';
import { createActions } from './actions';
import { readSettings } from './lib/config';
import { createRepositoryRouter } from './lib/repoServer';

/**
 * The golden-paths scaffolder module: Day-1 actions and their providers.
 * @public
 */
export const scaffolderModuleGoldenPaths = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'golden-paths',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        evidence: goldenPathsEvidenceServiceRef,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
      },
      async init({
        scaffolder,
        config,
        discovery,
        evidence,
        logger,
        httpRouter,
      }) {
        const settings = readSettings(config);
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
        scaffolder.addActions(
          ...createActions({ settings, discovery, evidence }),
        );
      },
    });
  },
});
