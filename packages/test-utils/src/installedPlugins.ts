import { rootSystemMetadataServiceFactory } from '@backstage/backend-defaults/rootSystemMetadata';
import { createBackendPlugin } from '@backstage/backend-plugin-api';

/**
 * Features for `startTestBackend` that give a plugin under test the system
 * a real backend would show it: Backstage's own system metadata service
 * (which `createBackend` installs and the test backend does not) and, for
 * each of `pluginIds`, a plugin with that id that does nothing, so that
 * plugin is installed as far as the plugin under test can tell.
 */
export function installedPlugins(...pluginIds: string[]) {
  return [
    rootSystemMetadataServiceFactory,
    ...pluginIds.map(pluginId =>
      createBackendPlugin({
        pluginId,
        register(env) {
          env.registerInit({ deps: {}, async init() {} });
        },
      }),
    ),
  ];
}
