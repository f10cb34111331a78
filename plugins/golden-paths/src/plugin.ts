import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { GoldenPathsClient } from '@onramp/backstage-plugin-golden-paths-common';
import { goldenPathsApiRef } from './api';
import { rootRouteRef } from './routes';

/** Golden Paths for apps on the legacy frontend system. */
export const goldenPathsPlugin = createPlugin({
  id: 'golden-paths',
  routes: { root: rootRouteRef },
  apis: [
    createApiFactory({
      api: goldenPathsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new GoldenPathsClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/** Mount at `/golden-paths`: `<Route path="/golden-paths" element={<GoldenPathsPage />} />`. */
export const GoldenPathsPage = goldenPathsPlugin.provide(
  createRoutableExtension({
    name: 'GoldenPathsPage',
    component: () =>
      import('./components/GoldenPathsPage').then(m => m.GoldenPathsPage),
    mountPoint: rootRouteRef,
  }),
);

/** The "Your next step" card for a legacy home page. */
export const GoldenPathsNextStepCard = goldenPathsPlugin.provide(
  createComponentExtension({
    name: 'GoldenPathsNextStepCard',
    component: {
      lazy: () => import('./components/NextStepCard').then(m => m.NextStepCard),
    },
  }),
);
