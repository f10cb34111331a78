import { rootSystemMetadataServiceFactory } from '@backstage/backend-defaults/rootSystemMetadata';
import {
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';

/**
 * Features for `startTestBackend` that give a plugin under test the system
 * a real backend would show it: Backstage's own system metadata service
 * (which `createBackend` installs and the test backend does not) and, for
 * each of `ids`, a plugin (`catalog`) or a module (`catalog:golden-paths`,
 * whose plugin is listed too or is a real one) that does nothing, so that
 * it is installed as far as the plugin under test can tell.
 */
export function installedPlugins(...ids: string[]) {
  const plugins = ids.filter(id => !id.includes(':'));
  const modules = ids.filter(id => id.includes(':'));
  return [
    rootSystemMetadataServiceFactory,
    ...plugins.map(pluginId =>
      createBackendPlugin({
        pluginId,
        register(env) {
          env.registerInit({ deps: {}, async init() {} });
        },
      }),
    ),
    ...modules.map(id => {
      const [pluginId, moduleId] = id.split(':');
      return createBackendModule({
        pluginId,
        moduleId,
        register(env) {
          env.registerInit({ deps: {}, async init() {} });
        },
      });
    }),
  ];
}
