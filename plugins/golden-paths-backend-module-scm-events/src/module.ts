import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { goldenPathsEvidenceServiceRef } from '@onramp/backstage-plugin-golden-paths-node';
import { checkOnrampIntegrations } from '@onramp/backstage-plugin-onramp-node';
import { scmEventsIntegrations } from './integrations';
import { SCM_TOPICS, ScmEventRecorder, ScmOutcome } from './ScmEventRecorder';
import { CatalogUserResolver } from './users';

/**
 * A module of the golden-paths plugin: subscribes to the GitHub and GitLab
 * webhook topics of the events backend and records what they prove as
 * evidence (`pr.opened`, `pr.merged`, `ci.passed`, `deploy.healthy`,
 * `release.published`) for the catalog user the event belongs to.
 * `onOutcome` sees what became of each event (besides the
 * `golden_paths.scm_events` counter and the log).
 *
 * @public
 */
export function createScmEventsModule(
  options: { onOutcome?: (outcome: ScmOutcome, event: string) => void } = {},
) {
  return createBackendModule({
    pluginId: 'golden-paths',
    moduleId: 'scm-events',
    register(reg) {
      reg.registerInit({
        deps: {
          events: eventsServiceRef,
          evidence: goldenPathsEvidenceServiceRef,
          catalog: catalogServiceRef,
          auth: coreServices.auth,
          logger: coreServices.logger,
          config: coreServices.rootConfig,
          system: coreServices.rootSystemMetadata,
          instance: coreServices.rootInstanceMetadata,
        },
        async init({ events, evidence, catalog, auth, logger, ...deps }) {
          // One line for each part of the webhook path that is missing.
          await checkOnrampIntegrations({
            ...deps,
            logger,
            title: 'Golden Paths SCM events',
            integrations: scmEventsIntegrations(deps.config),
          });
          const recorder = new ScmEventRecorder({
            evidence,
            users: new CatalogUserResolver(catalog, auth),
            logger,
            onOutcome: options.onOutcome,
          });
          await events.subscribe({
            id: 'scm-events',
            topics: SCM_TOPICS,
            onEvent: params => recorder.onEvent(params),
          });
          logger.info(
            `Recording golden-path evidence from events on ${SCM_TOPICS.join(
              ', ',
            )}`,
          );
        },
      });
    },
  });
}

/** The module as installed: {@link createScmEventsModule} without options. @public */
export const goldenPathsModuleScmEvents = createScmEventsModule();
