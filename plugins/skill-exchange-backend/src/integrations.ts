import type { RootConfigService } from '@backstage/backend-plugin-api';
import type { OnrampIntegration } from '@onramp/backstage-plugin-onramp-node';

/**
 * What the Skill Exchange works without, and what each adds (see the
 * README, "Install"). The catalog is required: people's names, titles,
 * teams and start dates come from it.
 */
export function skillExchangeIntegrations(config: RootConfigService) {
  const actionSources =
    config.getOptionalStringArray('backend.actions.pluginSources') ?? [];
  return {
    catalog: {
      pluginId: 'catalog',
      required: true,
      off: 'the catalog backend is not installed, so profiles, teams and experts have no names, titles or teams',
      enable: "add backend.add(import('@backstage/plugin-catalog-backend'))",
    },
    notifications: {
      pluginId: 'notifications',
      off: 'notifications are off (interest, answers, places, approvals to give, reminders, learning-goal matches)',
      enable:
        "add backend.add(import('@backstage/plugin-notifications-backend')) to send them",
    },
    search: {
      pluginId: 'search',
      moduleId: 'skill-exchange-collator',
      off: 'posts and profiles are not in Backstage search',
      enable:
        "add backend.add(import('@backstage/plugin-search-backend')) and backend.add(skillExchangeSearchModule) from this package to index them",
    },
    goldenPaths: {
      pluginId: 'golden-paths',
      off: 'skills are not backed by merged pull requests (only by completed embeds and mentorships)',
      enable:
        "add backend.add(import('@onramp/backstage-plugin-golden-paths-backend')) and a pull request source",
    },
    mcpActions: {
      pluginId: 'mcp-actions',
      configured: actionSources.includes('skill-exchange'),
      off: 'the actions skill-exchange.search-skills and skill-exchange.find-experts are not offered to MCP clients',
      enable:
        "add backend.add(import('@backstage/plugin-mcp-actions-backend')) and list skill-exchange in backend.actions.pluginSources to offer them",
    },
  } satisfies Record<string, OnrampIntegration>;
}
