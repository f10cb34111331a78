import {
  coreServices,
  createBackendFeatureLoader,
} from '@backstage/backend-plugin-api';
import emailModule from '@backstage/plugin-notifications-backend-module-email';
import slackModule from '@backstage/plugin-notifications-backend-module-slack';
import { decideEmail, decideSlack } from './channels';

export { decideEmail, decideSlack } from './channels';

/**
 * Notification delivery beyond the portal: Backstage's email and Slack
 * processors for the notifications backend, each installed only when its
 * configuration can work (one log line says which are on and why not).
 * People choose their channels in Settings > Notifications.
 */
export const notificationDeliveryFeatures = createBackendFeatureLoader({
  deps: {
    config: coreServices.rootConfig,
    logger: coreServices.rootLogger,
  },
  async *loader({ config, logger }) {
    const log = logger.child({ service: 'notification-delivery' });
    const email = decideEmail(config);
    log.info(email.message);
    if (email.install) {
      yield emailModule;
    }
    const slack = decideSlack(config);
    log.info(slack.message);
    if (slack.install) {
      yield slackModule;
    }
  },
});
