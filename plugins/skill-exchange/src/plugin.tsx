import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef as createLegacyRouteRef,
  discoveryApiRef as legacyDiscoveryApiRef,
  fetchApiRef as legacyFetchApiRef,
} from '@backstage/core-plugin-api';
import { SkillExchangeClient } from '@onramp/backstage-plugin-skill-exchange-common';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
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

/** Home page card: open posts that fit my skills and learning goals, with the reason. */
const forYouWidget = HomePageWidgetBlueprint.make({
  name: 'for-you',
  params: {
    name: 'SkillExchangeForYou',
    title: 'Skill Exchange for you',
    description:
      'Open embeds, hacks, mentorships and pairing sessions that fit your skills and learning goals',
    components: async () => {
      const { ForYouCard } = await import('./components/ForYouCard');
      return { Content: () => <ForYouCard /> };
    },
  },
});

/** A "Skills" card on User entity pages. */
const userSkillsCard = EntityCardBlueprint.make({
  name: 'user-skills',
  params: {
    filter: 'kind:user',
    loader: () =>
      import('./components/UserSkillsCard').then(m => <m.UserSkillsCard />),
  },
});

/**
 * A "Team skills" card on Group entity pages: the members' skills per level,
 * learners and gaps (skills the team's open posts ask for that nobody has).
 */
const teamSkillsCard = EntityCardBlueprint.make({
  name: 'team-skills',
  params: {
    filter: 'kind:group',
    loader: () =>
      import('./components/TeamSkillsCard').then(m => <m.TeamSkillsCard />),
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
  extensions: [api, page, forYouWidget, userSkillsCard, teamSkillsCard],
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

/**
 * Legacy frontend system: the "Skills" card for User entity pages.
 *
 * @public
 */
export const EntityUserSkillsCard = legacySkillExchangePlugin.provide(
  createComponentExtension({
    name: 'EntityUserSkillsCard',
    component: {
      lazy: () =>
        import('./components/UserSkillsCard').then(m => m.UserSkillsCard),
    },
  }),
);

/**
 * Legacy frontend system: the "Team skills" coverage card for Group entity pages.
 *
 * @public
 */
export const EntityTeamSkillsCard = legacySkillExchangePlugin.provide(
  createComponentExtension({
    name: 'EntityTeamSkillsCard',
    component: {
      lazy: () =>
        import('./components/TeamSkillsCard').then(m => m.TeamSkillsCard),
    },
  }),
);
