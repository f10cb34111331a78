import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  createRouteRef as createLegacyRouteRef,
  discoveryApiRef as legacyDiscoveryApiRef,
  fetchApiRef as legacyFetchApiRef,
} from '@backstage/core-plugin-api';
import { SkillExchangeClient } from '@onramp/backstage-plugin-skill-exchange-common';
import PeopleIcon from '@material-ui/icons/EmojiPeople';
import { skillExchangeApiRef } from './api';
import { rootRouteRef } from './routes';

const api = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: skillExchangeApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SkillExchangeClient({ discoveryApi, fetchApi }),
    }),
});

const page = PageBlueprint.make({
  params: {
    path: '/skill-exchange',
    title: 'Skill Exchange',
    icon: <PeopleIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    noHeader: true,
    loader: () =>
      import('./components/SkillExchangePage').then(m => (
        <m.SkillExchangePage />
      )),
  },
});

/**
 * The Skill Exchange for Backstage's new frontend system: a sidebar page at
 * /skill-exchange and the API client.
 *
 * @public
 */
export const skillExchangePlugin = createFrontendPlugin({
  pluginId: 'skill-exchange',
  title: 'Skill Exchange',
  icon: <PeopleIcon fontSize="inherit" />,
  routes: { root: rootRouteRef },
  extensions: [api, page],
});

const legacyRootRouteRef = createLegacyRouteRef({ id: 'skill-exchange' });

/**
 * The Skill Exchange for apps on the legacy frontend system
 * (`createApp` from `@backstage/app-defaults`).
 *
 * @public
 */
export const legacySkillExchangePlugin = createPlugin({
  id: 'skill-exchange',
  routes: { root: legacyRootRouteRef },
  apis: [
    createApiFactory({
      api: skillExchangeApiRef,
      deps: {
        discoveryApi: legacyDiscoveryApiRef,
        fetchApi: legacyFetchApiRef,
      },
      factory: ({ discoveryApi, fetchApi }) =>
        new SkillExchangeClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * Legacy frontend system: `<Route path="/skill-exchange" element={<SkillExchangePage />} />`.
 *
 * @public
 */
export const SkillExchangePage = legacySkillExchangePlugin.provide(
  createRoutableExtension({
    name: 'SkillExchangePage',
    component: () =>
      import('./components/SkillExchangePage').then(m => m.SkillExchangePage),
    mountPoint: legacyRootRouteRef,
  }),
);
