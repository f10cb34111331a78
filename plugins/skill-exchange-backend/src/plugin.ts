import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { checkOnrampIntegrations } from '@onramp/backstage-plugin-onramp-node';
import { readSkillExchangeConfig } from './config';
import { createStores } from './database';
import { registerSkillExchangeMcpActions } from './mcp/skillExchangeMcpActions';
import { registerPostPermissions } from './permissions';
import { createRouter } from './router';
import { seedSkillExchange } from './seed/seedTaxonomy';
import { createServices, resolveLearningSkills } from './service';
import { skillExchangeIntegrations } from './integrations';
import { scheduleEvidenceRefresh } from './tasks/evidenceRefresh';
import { scheduleInterestReminders } from './tasks/interestReminders';
import { scheduleRetroAsks } from './tasks/retroAsks';

/**
 * The Skill Exchange backend plugin: REST API at /api/skill-exchange.
 *
 * @public
 */
export const skillExchangePlugin = createBackendPlugin({
  pluginId: 'skill-exchange',
  register(env) {
    env.registerInit({
      deps: {
        rootConfig: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        auditor: coreServices.auditor,
        actionsRegistry: actionsRegistryServiceRef,
        catalog: catalogServiceRef,
        notifications: notificationService,
        system: coreServices.rootSystemMetadata,
        instance: coreServices.rootInstanceMetadata,
      },
      async init(deps) {
        const config = readSkillExchangeConfig(deps.rootConfig);
        // What else is installed: each optional integration that is off is
        // one log line naming what turns it on.
        const on = await checkOnrampIntegrations({
          ...deps,
          title: 'Skill Exchange',
          integrations: skillExchangeIntegrations(deps.rootConfig),
        });
        const stores = await createStores({ database: deps.database });
        await seedSkillExchange({ stores, config, logger: deps.logger });
        const services = createServices({
          ...deps,
          stores,
          notifications: on.notifications
            ? deps.notifications
            : { send: async () => {} },
          goldenPaths: on.goldenPaths,
          managerApproval: config.managerApproval,
          retroMinimumGroupSize: config.retroMinimumGroupSize,
          appBaseUrl: deps.rootConfig.getOptionalString('app.baseUrl'),
          learningResources: await resolveLearningSkills(
            config.learningResources,
            stores.skills,
            deps.logger,
          ),
        });

        registerPostPermissions({
          permissionsRegistry: deps.permissionsRegistry,
          posts: stores.posts,
        });
        deps.httpRouter.use(
          createRouter({
            services,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
        await scheduleInterestReminders({
          scheduler: deps.scheduler,
          interests: services.interests,
          reminderDays: config.reminderDays,
          schedule: config.reminderSchedule,
        });
        await scheduleRetroAsks({
          scheduler: deps.scheduler,
          retros: services.retros,
          schedule: config.retroSchedule,
        });
        await scheduleEvidenceRefresh({
          ...deps,
          evidence: services.evidence,
          schedule: config.evidenceSchedule,
        });
        registerSkillExchangeMcpActions({
          actionsRegistry: deps.actionsRegistry,
          services,
        });
      },
    });
  },
});
