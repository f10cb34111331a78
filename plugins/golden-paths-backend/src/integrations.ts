import type { OnrampIntegration } from '@onramp/backstage-plugin-onramp-node';

/**
 * What Golden Paths works without, and what each adds (see the README,
 * "Install"). The catalog and its GoldenPath kind are required: paths are
 * catalog entities.
 */
export function goldenPathsIntegrations(options: {
  /** Whether any merged pull request source is configured or added. */
  pullRequestSources: boolean;
}) {
  return {
    catalog: {
      pluginId: 'catalog',
      required: true,
      off: 'the catalog backend is not installed, so there are no paths and no people',
      enable: "add backend.add(import('@backstage/plugin-catalog-backend'))",
    },
    goldenPathKind: {
      pluginId: 'catalog',
      moduleId: 'golden-paths',
      required: true,
      off: 'the catalog does not know the GoldenPath kind, so it rejects every path',
      enable:
        "add backend.add(import('@onramp/backstage-plugin-catalog-backend-module-golden-paths'))",
    },
    notifications: {
      pluginId: 'notifications',
      off: 'notifications are off (approvals, reminders, stuck members, journeys completed)',
      enable:
        "add backend.add(import('@backstage/plugin-notifications-backend')) to send them",
    },
    dayOneActions: {
      pluginId: 'scaffolder',
      moduleId: 'golden-paths',
      off: 'the Day-1 actions (goldenpath:*) are not installed, so no template records evidence',
      enable:
        "add backend.add(import('@backstage/plugin-scaffolder-backend')) and backend.add(import('@onramp/backstage-plugin-scaffolder-backend-module-golden-paths'))",
    },
    scmEvents: {
      pluginId: 'golden-paths',
      moduleId: 'scm-events',
      off: 'evidence from GitHub and GitLab webhooks (pr.opened, pr.merged, ci.passed, deploy.healthy, release.published) is off',
      enable:
        "add backend.add(import('@onramp/backstage-plugin-golden-paths-backend-module-scm-events')) with the events backend and its GitHub or GitLab module",
    },
    skillExchange: {
      pluginId: 'skill-exchange',
      off: 'onboarding buddies are off: nobody is suggested (the Skill Exchange answers who fits)',
      enable:
        "add backend.add(import('@onramp/backstage-plugin-skill-exchange-backend'))",
    },
    pullRequests: {
      pluginId: 'golden-paths',
      configured: options.pullRequestSources,
      off: 'time to 10th merged PR is off (no merged pull request source)',
      enable:
        'set goldenPaths.pullRequests.source (github) or goldenPaths.pullRequests.localGit.root, or add a source through goldenPathsPullRequestSourceExtensionPoint',
    },
  } satisfies Record<string, OnrampIntegration>;
}
