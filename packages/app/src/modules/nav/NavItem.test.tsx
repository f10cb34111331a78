import { render, screen } from '@testing-library/react';
import { createApp } from '@backstage/frontend-defaults';
import {
  createFrontendModule,
  createTranslationMessages,
} from '@backstage/frontend-plugin-api';
import { useEffect } from 'react';
import {
  SignInPageBlueprint,
  TranslationBlueprint,
} from '@backstage/plugin-app-react';
// The sidebar's notifications item needs the notifications plugin's API.
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import goldenPathsPlugin from '@onramp/backstage-plugin-golden-paths/alpha';
import skillExchangePlugin, {
  skillExchangeTranslationRef,
} from '@onramp/backstage-plugin-skill-exchange';
import { goldenPathsTranslationRef } from '@onramp/backstage-plugin-golden-paths';
import { navModule } from '.';

/** Signed in at once as a test user: there is no backend here. */
const signedIn = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: {
        loader: async () => props => {
          useEffect(() => {
            props.onSignInSuccess({
              getBackstageIdentity: async () => ({
                type: 'user',
                userEntityRef: 'user:default/test',
                ownershipEntityRefs: ['user:default/test'],
              }),
              getProfileInfo: async () => ({}),
              getCredentials: async () => ({}),
              signOut: async () => {},
            });
          }, [props]);
          return null;
        },
      },
    }),
  ],
});

/** An organisation's own words, as the README shows an adopter adding them. */
const ownWords = createFrontendModule({
  pluginId: 'app',
  extensions: [
    TranslationBlueprint.make({
      name: 'golden-paths-words',
      params: {
        resource: createTranslationMessages({
          ref: goldenPathsTranslationRef,
          messages: { 'common.title': 'Onboarding paths' },
        }),
      },
    }),
    TranslationBlueprint.make({
      name: 'skill-exchange-words',
      params: {
        resource: createTranslationMessages({
          ref: skillExchangeTranslationRef,
          messages: { 'common.title': 'Guilds' },
        }),
      },
    }),
  ],
});

const german = {
  'api:app/app-language': {
    config: { availableLanguages: ['en', 'de'], defaultLanguage: 'de' },
  },
};

function renderApp(extensions: object[], withOwnWords = false) {
  // The app reads its config from here (an array, as App.test.tsx sets it).
  process.env = {
    ...process.env,
    APP_CONFIG: [
      {
        data: {
          app: { title: 'Test', extensions },
          backend: { baseUrl: 'http://localhost:7007' },
        },
        context: 'test',
      },
    ] as any,
  };
  const app = createApp({
    features: [
      navModule,
      signedIn,
      notificationsPlugin,
      goldenPathsPlugin,
      skillExchangePlugin,
      ...(withOwnWords ? [ownWords] : []),
    ],
  });
  render(app.createRoot());
}

// The whole app loads (and German lazily): slow on a busy 2-core machine.
jest.setTimeout(60_000);

describe('the sidebar', () => {
  it('names the pages in the language the app starts in', async () => {
    renderApp([german]);
    expect(
      await screen.findByText('Mein Team', undefined, { timeout: 30_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByText('My team')).not.toBeInTheDocument();
  });

  it("takes an organisation's own words for the pages", async () => {
    renderApp([], true);
    expect(
      await screen.findByText('Onboarding paths', undefined, {
        timeout: 30_000,
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('Guilds')).toBeInTheDocument();
    expect(screen.queryByText('Golden Paths')).not.toBeInTheDocument();
    expect(screen.getByText('My team')).toBeInTheDocument();
  });
});
