import { createApiRef } from '@backstage/core-plugin-api';
import { GoldenPathsApi } from '@onramp/backstage-plugin-golden-paths-common';

/**
 * The Golden Paths API (a `GoldenPathsClient` by default).
 *
 * @public
 */
export const goldenPathsApiRef = createApiRef<GoldenPathsApi>({
  id: 'plugin.golden-paths.api',
});
