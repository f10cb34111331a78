/*
 * The Onramp backend: Backstage's new backend system with the core plugins
 * and the Onramp plugins. See ../../../README.md.
 */
import { createBackend } from '@backstage/backend-defaults';
import { preflight } from './preflight';
import { onrampPermissionPolicyModule } from './modules/permissionPolicy';
import { skillExchangeSearchModule } from '@onramp/backstage-plugin-skill-exchange-backend';
import { demoAuthModule } from './modules/demoAuth';
import { notificationDeliveryFeatures } from './modules/notificationDelivery';

async function main() {
  // Fail fast, with one clear line, on configuration that cannot work
  // (e.g. a PostgreSQL server that does not answer).
  await preflight();

  const backend = createBackend();

  backend.add(import('@backstage/plugin-app-backend'));
  backend.add(import('@backstage/plugin-proxy-backend'));

  // Scaffolder (the Create page) and its notification action.
  backend.add(import('@backstage/plugin-scaffolder-backend'));
  backend.add(
    import('@backstage/plugin-scaffolder-backend-module-notifications'),
  );
  // Day-1 golden-path actions (goldenpath:*); see app-config.yaml.
  backend.add(
    import('@onramp/backstage-plugin-scaffolder-backend-module-golden-paths'),
  );

  backend.add(import('@backstage/plugin-techdocs-backend'));

  // Auth: guest sign-in in development (see app-config.yaml).
  backend.add(import('@backstage/plugin-auth-backend'));
  backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
  // Development only: sign in as any demo user (auth.providers.demo).
  backend.add(demoAuthModule);

  // Catalog.
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(
    import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
  );
  backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
  // The GoldenPath kind: Golden Paths are catalog entities (examples/golden-paths).
  backend.add(
    import('@onramp/backstage-plugin-catalog-backend-module-golden-paths'),
  );

  // Permissions, decided by Onramp's own policy.
  backend.add(import('@backstage/plugin-permission-backend'));
  backend.add(onrampPermissionPolicyModule);

  // Search: the PostgreSQL engine registers itself when the database is
  // PostgreSQL; on SQLite the search backend falls back to Lunr (in memory).
  backend.add(import('@backstage/plugin-search-backend'));
  backend.add(import('@backstage/plugin-search-backend-module-pg'));
  backend.add(import('@backstage/plugin-search-backend-module-catalog'));
  backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

  backend.add(import('@backstage/plugin-user-settings-backend'));

  backend.add(import('@backstage/plugin-notifications-backend'));
  // Delivery by email and Slack (notifications.processors.*), each only when
  // configured; people choose channels in Settings > Notifications.
  backend.add(notificationDeliveryFeatures);
  backend.add(import('@backstage/plugin-signals-backend'));

  // Onramp: the Skill Exchange.
  backend.add(import('@onramp/backstage-plugin-skill-exchange-backend'));
  // Skill Exchange posts and profiles in Backstage search.
  backend.add(skillExchangeSearchModule);
  // Onramp Golden Paths: onboarding journeys proven by evidence.
  backend.add(import('@onramp/backstage-plugin-golden-paths-backend'));
  // Evidence from GitHub and GitLab webhooks through the events backend
  // (pr.opened, pr.merged, ci.passed, deploy.healthy, release.published).
  // A provider's webhook route exists only when its secret is configured
  // (events.modules.<provider>.webhookSecret).
  backend.add(import('@backstage/plugin-events-backend'));
  backend.add(import('@backstage/plugin-events-backend-module-github'));
  backend.add(import('@backstage/plugin-events-backend-module-gitlab'));
  backend.add(
    import('@onramp/backstage-plugin-golden-paths-backend-module-scm-events'),
  );

  // Actions registry exposed to MCP clients.
  backend.add(import('@backstage/plugin-mcp-actions-backend'));

  await backend.start();
}

main().catch(error => {
  // preflight already printed a readable message for the errors it knows.
  if (!(error && error.name === 'PreflightError')) {
    // eslint-disable-next-line no-console
    console.error(error);
  }
  process.exit(1);
});
