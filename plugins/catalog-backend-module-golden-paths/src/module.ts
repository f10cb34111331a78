import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { GoldenPathEntitiesProcessor } from './GoldenPathEntitiesProcessor';

/**
 * Adds the `GoldenPath` kind to the catalog.
 *
 * @public
 */
export const catalogModuleGoldenPaths = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'golden-paths',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new GoldenPathEntitiesProcessor());
      },
    });
  },
});
