import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { GoldenPathsClient } from '@onramp/backstage-plugin-golden-paths-common';
import { goldenPathsApiRef } from './api';
import { rootRouteRef } from './routes';
import {
  SERVICE_NAME_FIELD,
  ServiceNameField,
  serviceNameValidation,
} from './components/ServiceNameField';

/**
 * Golden Paths for apps on the legacy frontend system.
 *
 * @public
 */
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

/**
 * Mount at `/golden-paths`: `<Route path="/golden-paths" element={<GoldenPathsPage />} />`.
 *
 * @public
 */
export const GoldenPathsPage = goldenPathsPlugin.provide(
  createRoutableExtension({
    name: 'GoldenPathsPage',
    component: () =>
      import('./components/GoldenPathsPage').then(m => m.GoldenPathsPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The "Your next step" card for a legacy home page.
 *
 * @public
 */
export const GoldenPathsNextStepCard = goldenPathsPlugin.provide(
  createComponentExtension({
    name: 'GoldenPathsNextStepCard',
    component: {
      lazy: () => import('./components/NextStepCard').then(m => m.NextStepCard),
    },
  }),
);

/**
 * The "Your onboarding buddies" card for a legacy home page.
 *
 * @public
 */
export const GoldenPathsBuddiesCard = goldenPathsPlugin.provide(
  createComponentExtension({
    name: 'GoldenPathsBuddiesCard',
    component: {
      lazy: () =>
        import('./components/BuddyPeopleCard').then(m => m.BuddyPeopleCard),
    },
  }),
);

/**
 * `ui:field: GoldenPathServiceName` for a legacy app: put it inside
 * `<ScaffolderFieldExtensions>`.
 * @public
 */
export const GoldenPathServiceNameFieldExtension = goldenPathsPlugin.provide(
  createScaffolderFieldExtension({
    name: SERVICE_NAME_FIELD,
    component: ServiceNameField,
    validation: serviceNameValidation,
  }),
);

/**
 * The "Runtime" card for a legacy app's Component page, e.g.
 * `<EntitySwitch.Case if={isDay1Service}><EntityRuntimeCard /></EntitySwitch.Case>`.
 * @public
 */
export const EntityRuntimeCard = goldenPathsPlugin.provide(
  createComponentExtension({
    name: 'EntityRuntimeCard',
    component: {
      lazy: () =>
        import('./components/runtime/EntityRuntimeCard').then(
          m => m.EntityRuntimeCard,
        ),
    },
  }),
);
