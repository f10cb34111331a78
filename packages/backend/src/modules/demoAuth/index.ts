import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { AuthenticationError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';

/** The header the demo sign-in page sends with the chosen user. */
export const DEMO_USER_HEADER = 'x-onramp-demo-user';

interface DemoContext {
  users: Set<string>;
}

/**
 * Development-only sign-in as any of a configured list of demo users
 * (`auth.providers.demo.users`), so that flows that need two people (post a
 * hack, join it as someone else) can be tried and tested. Refuses to run in
 * production.
 */
export const demoAuthenticator = createProxyAuthenticator<
  DemoContext,
  { userEntityRef: string },
  undefined
>({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize({ config }) {
    if (process.env.NODE_ENV === 'production') {
      throw new Error(
        'The demo sign-in provider (auth.providers.demo) is for development only; remove it from production configuration.',
      );
    }
    return {
      users: new Set(
        (config.getOptionalStringArray('users') ?? []).map(ref =>
          ref.toLocaleLowerCase(),
        ),
      ),
    };
  },
  async authenticate({ req }, { users }) {
    const chosen = req.header(DEMO_USER_HEADER)?.toLocaleLowerCase();
    if (!chosen) {
      throw new AuthenticationError(`Missing ${DEMO_USER_HEADER} header`);
    }
    if (!users.has(chosen)) {
      throw new AuthenticationError(
        `${chosen} is not one of the demo users in auth.providers.demo.users`,
      );
    }
    return { result: { userEntityRef: chosen } };
  },
});

export const demoAuthModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'onramp-demo-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        if (!config.has('auth.providers.demo')) {
          return;
        }
        providers.registerProvider({
          providerId: 'demo',
          factory: createProxyAuthProviderFactory({
            authenticator: demoAuthenticator,
            async signInResolver({ result }, ctx) {
              return ctx.signInWithCatalogUser({
                entityRef: result.userEntityRef,
              });
            },
          }),
        });
      },
    });
  },
});
