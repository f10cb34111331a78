import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { SkillExchangeCollatorFactory } from './SkillExchangeCollatorFactory';

const CONFIG_KEY = 'search.collators.skillExchange.schedule';

/**
 * Puts Skill Exchange posts and profiles into Backstage search (document type
 * `skill-exchange`). Add it next to the search backend:
 * `backend.add(skillExchangeSearchModule)`.
 *
 * @public
 */
export const skillExchangeSearchModule = createBackendModule({
  pluginId: 'search',
  moduleId: 'skill-exchange-collator',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({ config, discovery, auth, scheduler, indexRegistry }) {
        const schedule = config.has(CONFIG_KEY)
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              config.getConfig(CONFIG_KEY),
            )
          : {
              frequency: { minutes: 10 },
              timeout: { minutes: 15 },
              initialDelay: { seconds: 30 },
            };
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(schedule),
          factory: new SkillExchangeCollatorFactory({ discovery, auth }),
        });
      },
    });
  },
});
