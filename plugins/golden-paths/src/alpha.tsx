import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContextMenuItemBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import DeleteSweepIcon from '@material-ui/icons/DeleteSweep';
import DirectionsIcon from '@material-ui/icons/Directions';
import {
  GoldenPathsClient,
  isDay1PracticeRun,
} from '@onramp/backstage-plugin-golden-paths-common';
import { useTeardownMenuItemProps } from './components/teardown/teardownMenuItem';
import { goldenPathsApiRef } from './api';
import { rootRouteRef } from './routes';
import { isDay1Service } from './components/runtime/isDay1Service';

const api = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: goldenPathsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new GoldenPathsClient({ discoveryApi, fetchApi }),
    }),
});

const page = PageBlueprint.make({
  params: {
    path: '/golden-paths',
    title: 'Golden Paths',
    icon: <DirectionsIcon />,
    routeRef: rootRouteRef,
    // The page draws its own header.
    noHeader: true,
    loader: () =>
      import('./components/GoldenPathsPage').then(m => <m.GoldenPathsPage />),
  },
});

const nextStepWidget = HomePageWidgetBlueprint.make({
  name: 'next-step',
  params: {
    name: 'GoldenPathsNextStep',
    title: 'Your next step',
    description: 'The next unfinished step of your golden path',
    components: () =>
      import('./components/NextStepCard').then(m => ({
        Content: () => <m.NextStepCard />,
      })),
  },
});

/** "Your onboarding buddies": the people I am buddy to, with their progress. */
const buddiesWidget = HomePageWidgetBlueprint.make({
  name: 'buddies',
  params: {
    name: 'GoldenPathsBuddies',
    title: 'Your onboarding buddies',
    description:
      'The newcomers you are onboarding buddy to, and their progress',
    components: () =>
      import('./components/BuddyPeopleCard').then(m => ({
        Content: () => <m.BuddyPeopleCard />,
      })),
  },
});

/** `ui:field: GoldenPathServiceName`: a Day-1 service name, checked before submit. */
const serviceNameField = FormFieldBlueprint.make({
  name: 'service-name',
  params: {
    field: () =>
      import('./components/serviceNameFormField').then(
        m => m.serviceNameFormField,
      ),
  },
});

/**
 * The "Runtime" card on the page of a Component the Day-1 template
 * registered (annotation `onramp-golden-paths/service`).
 */
const runtimeCard = EntityCardBlueprint.make({
  name: 'runtime',
  params: {
    filter: isDay1Service,
    loader: () =>
      import('./components/runtime/EntityRuntimeCard').then(m => (
        <m.EntityRuntimeCard />
      )),
  },
});

/**
 * "Tear down" in the entity page's menu, on Components a Day-1 practice run
 * created.
 */
const teardownMenuItem = EntityContextMenuItemBlueprint.make({
  name: 'teardown',
  params: {
    icon: <DeleteSweepIcon fontSize="small" />,
    filter: entity => isDay1PracticeRun(entity),
    useProps: useTeardownMenuItemProps,
  },
});

/**
 * Golden Paths for the new frontend system: the sidebar page, the API and
 * the "Your next step" home page widget, the scaffolder's
 * `GoldenPathServiceName` form field, the "Runtime" entity card and "Tear
 * down" in the entity menu of Day-1 practice runs.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'golden-paths',
  title: 'Golden Paths',
  icon: <DirectionsIcon />,
  routes: { root: rootRouteRef },
  extensions: [
    api,
    page,
    nextStepWidget,
    buddiesWidget,
    serviceNameField,
    runtimeCard,
    teardownMenuItem,
  ],
});
