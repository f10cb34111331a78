import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { skillExchangePermissions } from '@onramp/backstage-plugin-skill-exchange-common';
import { registerSkillExchangeActions } from './actions';
import { CatalogFactsReader } from './catalogFacts';
import { SkillExchangeNotifier } from './notifications';
import {
  skillExchangePostResourceRef,
  skillExchangePostRules,
} from './permissions';
import { createRouter } from './router';
import { DEFAULT_SKILLS } from './seed/defaultSkills';
import { seedDemoData } from './seed/demoData';
import { SkillExchangeStore } from './store/SkillExchangeStore';

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
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        auditor: coreServices.auditor,
        actionsRegistry: actionsRegistryServiceRef,
        catalog: catalogServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const { config, logger } = deps;
        const store = await SkillExchangeStore.create({
          database: deps.database,
        });

        deps.permissionsRegistry.addPermissions(skillExchangePermissions);
        deps.permissionsRegistry.addResourceType({
          resourceRef: skillExchangePostResourceRef,
          permissions: skillExchangePermissions,
          rules: Object.values(skillExchangePostRules),
          getResources: async refs => {
            const ids = refs.map(Number).filter(Number.isInteger);
            const posts = await store.getPostResources(ids);
            return refs.map(ref => posts.find(p => String(p.id) === ref));
          },
        });

        const configured = (
          config.getOptionalConfigArray('skillExchange.skills') ?? []
        ).map(skill => ({
          name: skill.getString('name'),
          category: skill.getString('category') as any,
          description: skill.getOptionalString('description'),
          aliases: skill.getOptionalStringArray('aliases'),
        }));
        const added = await store.seedSkills([
          ...configured,
          ...DEFAULT_SKILLS,
        ]);
        if (added) logger.info(`Added ${added} skills to the taxonomy`);

        if (config.getOptionalBoolean('skillExchange.demoData') === true) {
          if (await seedDemoData(store)) {
            logger.info('Seeded the Skill Exchange with demo data');
          }
        }

        const notifier = new SkillExchangeNotifier(deps.notifications, logger);

        const reminderDays =
          config.getOptionalNumber('skillExchange.reminders.afterDays') ?? 3;
        await deps.scheduler.scheduleTask({
          id: 'skill-exchange-interest-reminders',
          frequency: { hours: 24 },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 5 },
          fn: async () => {
            const cutoff = new Date(Date.now() - reminderDays * 86_400_000);
            const pending = await store.pendingInterestsOlderThan(cutoff);
            const byPost = new Map<number, typeof pending>();
            for (const interest of pending) {
              byPost.set(interest.postId, [
                ...(byPost.get(interest.postId) ?? []),
                interest,
              ]);
            }
            for (const [postId, list] of byPost) {
              await notifier.interestReminder({
                owner: list[0].postOwner,
                postId,
                title: list[0].postTitle,
                pending: list.length,
              });
            }
          },
        });

        deps.httpRouter.use(
          await createRouter({
            store,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            permissionsRegistry: deps.permissionsRegistry,
            notifier,
            catalogFacts: new CatalogFactsReader(deps.catalog, deps.auth),
            logger,
            auditor: deps.auditor,
          }),
        );
        registerSkillExchangeActions({
          actionsRegistry: deps.actionsRegistry,
          store,
        });

        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
