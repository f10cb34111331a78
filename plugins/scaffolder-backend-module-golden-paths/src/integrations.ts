import type { OnrampIntegration } from '@onramp/backstage-plugin-onramp-node';

/**
 * What the Day-1 actions work without: Golden Paths, which they report
 * progress to. The catalog is required (name checks, teardown ownership).
 */
export const dayOneIntegrations = {
  catalog: {
    pluginId: 'catalog',
    required: true,
    off: 'the catalog backend is not installed, so names cannot be checked and services cannot be torn down',
    enable: "add backend.add(import('@backstage/plugin-catalog-backend'))",
  },
  goldenPaths: {
    pluginId: 'golden-paths',
    off: 'Golden Paths is not installed, so goldenpath:progress:record records nothing (the templates still run)',
    enable:
      "add backend.add(import('@onramp/backstage-plugin-golden-paths-backend')) to record progress on journeys",
  },
} satisfies Record<string, OnrampIntegration>;
