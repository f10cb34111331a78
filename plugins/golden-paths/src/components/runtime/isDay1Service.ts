import type { Entity } from '@backstage/catalog-model';
import { GOLDEN_PATH_SERVICE_ANNOTATION } from '@onramp/backstage-plugin-golden-paths-common';

/**
 * Whether the Runtime card belongs on an entity's page: a Component the
 * Day-1 template registered (annotation `onramp-golden-paths/service`).
 * @public
 */
export function isDay1Service(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    Boolean(entity.metadata.annotations?.[GOLDEN_PATH_SERVICE_ANNOTATION])
  );
}
