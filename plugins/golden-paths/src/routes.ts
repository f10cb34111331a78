import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The Golden Paths page, `/golden-paths` by default.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'golden-paths' });
