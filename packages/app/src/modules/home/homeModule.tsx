import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
Onramp is where engineers here get productive fast and keep growing.

- **Find your way around**: every service, API, team and person is in the
  [Software Catalog](/catalog); the [System map](/catalog-graph) shows how
  they connect.
- **Ship something**: [Create](/create) a service from a software template,
  with its repository, deployment and monitoring set up for you.
- **Read the docs**: every service's documentation lives in
  [Docs](/docs), next to its owner and its APIs.
- **Onboard your team**: managers follow their new hires' golden paths and
  assign one in [My team's onboarding](/golden-paths/team).
- **Ask for help**: your team and everyone's contact details are in the
  catalog: look up a group to find who to ask.
`;

const welcomeWidget = HomePageWidgetBlueprint.make({
  name: 'welcome',
  params: {
    name: 'OnrampWelcome',
    title: 'Welcome to Onramp',
    description: 'Where to start in the portal',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [welcomeWidget],
});
