import { goldenPathSchema } from '../schemas';
import { GoldenPath } from '../types';

/** The catalog kind of a Golden Path. @public */
export const GOLDEN_PATH_KIND = 'GoldenPath';
/** The apiVersion of `GoldenPath` entities. @public */
export const GOLDEN_PATH_API_VERSION = 'onramp.dev/v1alpha1';

/**
 * A `GoldenPath` catalog entity: `metadata.name` is the path id (stable:
 * progress is stored by it), `metadata.title`, `description` and `tags`
 * are the path's; `spec` holds its owner, discipline, audience and steps.
 *
 * @public
 */
export type GoldenPathEntity = {
  apiVersion: typeof GOLDEN_PATH_API_VERSION;
  kind: typeof GOLDEN_PATH_KIND;
  metadata: {
    name: string;
    namespace?: string;
    title?: string;
    description?: string;
    tags?: string[];
    annotations?: Record<string, string>;
  };
  spec: Omit<
    GoldenPath,
    'id' | 'title' | 'description' | 'tags' | 'source' | 'version'
  > & { version?: number };
};

const LOCATION_ANNOTATION = 'backstage.io/managed-by-location';
const SOURCE_ANNOTATION = 'backstage.io/source-location';
const VIEW_URL_ANNOTATION = 'backstage.io/view-url';

/** Where the entity was read from, and a web page showing it when there is one. */
function sourceOf(entity: GoldenPathEntity) {
  const annotations = entity.metadata.annotations ?? {};
  const namespace = entity.metadata.namespace ?? 'default';
  const location =
    annotations[LOCATION_ANNOTATION] ?? annotations[SOURCE_ANNOTATION];
  let viewUrl = annotations[VIEW_URL_ANNOTATION];
  if (!viewUrl && location?.startsWith('url:')) {
    viewUrl = location.slice('url:'.length);
  }
  return {
    entityRef: `goldenpath:${namespace}/${entity.metadata.name}`.toLowerCase(),
    ...(location ? { location } : {}),
    ...(viewUrl && /^https?:\/\//.test(viewUrl) ? { viewUrl } : {}),
  };
}

/**
 * Reads a `GoldenPath` entity as a path, checked with the same schema the
 * backend serves paths with. Returns the problems, one per field, when it
 * is not a valid path.
 *
 * @public
 */
export function goldenPathFromEntity(
  entity: unknown,
): { success: true; path: GoldenPath } | { success: false; message: string } {
  const e = entity as Partial<GoldenPathEntity> | null;
  if (!e || e.kind !== GOLDEN_PATH_KIND || !e.metadata || !e.spec) {
    return {
      success: false,
      message: `not a ${GOLDEN_PATH_KIND} entity with metadata and spec`,
    };
  }
  const { spec, metadata } = e as GoldenPathEntity;
  const parsed = goldenPathSchema.safeParse({
    ...spec,
    id: metadata.name,
    title: metadata.title ?? metadata.name,
    description: metadata.description,
    ...(metadata.tags?.length ? { tags: metadata.tags } : {}),
    source: sourceOf(e as GoldenPathEntity),
  });
  if (!parsed.success) {
    const where = (path: PropertyKey[]) => {
      const field = path.join('.');
      if (field === 'id') return 'metadata.name';
      if (['title', 'description', 'tags'].includes(String(path[0]))) {
        return `metadata.${field}`;
      }
      return field ? `spec.${field}` : '(root)';
    };
    return {
      success: false,
      message: parsed.error.issues
        .map(issue => `${where(issue.path)}: ${issue.message}`)
        .join('; '),
    };
  }
  return { success: true, path: parsed.data };
}
