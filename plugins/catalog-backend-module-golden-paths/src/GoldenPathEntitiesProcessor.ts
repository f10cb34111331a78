import {
  Entity,
  entityKindSchemaValidator,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
} from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  GOLDEN_PATH_KIND,
  GoldenPathEntity,
  goldenPathEntityV1alpha1Schema,
  goldenPathFromEntity,
} from '@onramp/backstage-plugin-golden-paths-common';

const validateKind = entityKindSchemaValidator(goldenPathEntityV1alpha1Schema);

/**
 * The `GoldenPath` kind (`onramp.dev/v1alpha1`): checks each entity against
 * the kind's JSON schema and the path rules (rule types, evidence keys,
 * unique step ids, waitFor targets), and emits `ownedBy` / `ownerOf`
 * relations to `spec.owner`.
 *
 * @public
 */
export class GoldenPathEntitiesProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'GoldenPathEntitiesProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    // false: not this kind; throws (a TypeError naming the fields) when it
    // is a GoldenPath that does not match the schema.
    if (validateKind(entity) === false) {
      return false;
    }
    const parsed = goldenPathFromEntity(entity);
    if (!parsed.success) {
      throw new TypeError(
        `Invalid GoldenPath ${entity.metadata.name}: ${parsed.message}`,
      );
    }
    return true;
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (entity.kind !== GOLDEN_PATH_KIND) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    const owner = (entity as unknown as GoldenPathEntity).spec?.owner;
    if (owner) {
      const target = parseEntityRef(owner, {
        defaultKind: 'Group',
        defaultNamespace: self.namespace,
      });
      emit(
        processingResult.relation({
          source: self,
          type: RELATION_OWNED_BY,
          target,
        }),
      );
      emit(
        processingResult.relation({
          source: target,
          type: RELATION_OWNER_OF,
          target: self,
        }),
      );
    }
    return entity;
  }
}
