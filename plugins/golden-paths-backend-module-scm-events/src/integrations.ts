import type { RootConfigService } from '@backstage/backend-plugin-api';
import type { OnrampIntegration } from '@onramp/backstage-plugin-onramp-node';

/**
 * What the SCM events module needs to receive anything: the events backend
 * (required: it is where webhooks come in) and, per provider, its events
 * module with a webhook secret (its route exists only with one).
 */
export function scmEventsIntegrations(config: RootConfigService) {
  const githubAppSecret = (
    config.getOptionalConfigArray('integrations.github') ?? []
  ).some(github =>
    (github.getOptionalConfigArray('apps') ?? []).some(app =>
      app.has('webhookSecret'),
    ),
  );
  return {
    events: {
      pluginId: 'events',
      required: true,
      off: 'the events backend is not installed, so no webhook reaches this module',
      enable: "add backend.add(import('@backstage/plugin-events-backend'))",
    },
    github: {
      pluginId: 'events',
      moduleId: 'github-webhook',
      configured:
        config.has('events.modules.github.webhookSecret') || githubAppSecret,
      off: 'GitHub webhooks are off',
      enable:
        "add backend.add(import('@backstage/plugin-events-backend-module-github')) and set events.modules.github.webhookSecret to receive them",
    },
    gitlab: {
      pluginId: 'events',
      moduleId: 'gitlab-webhook',
      configured: config.has('events.modules.gitlab.webhookSecret'),
      off: 'GitLab webhooks are off',
      enable:
        "add backend.add(import('@backstage/plugin-events-backend-module-gitlab')) and set events.modules.gitlab.webhookSecret to receive them",
    },
  } satisfies Record<string, OnrampIntegration>;
}
