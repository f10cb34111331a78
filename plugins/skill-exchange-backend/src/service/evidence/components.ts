import type { AuthService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { SkillStore } from '../../database';

/** A Component's languages, comma-separated: `onramp.dev/languages: go, sql`. */
export const LANGUAGES_ANNOTATION = 'onramp.dev/languages';
/** Where a Component's repository is, as Backstage's integrations annotate it. */
const SLUG_ANNOTATIONS = ['github.com/project-slug', 'gitlab.com/project-slug'];
const LOCATION_ANNOTATIONS = [
  'backstage.io/source-location',
  'backstage.io/managed-by-location',
];

/** `Org/Repo.git/` → `org/repo`: how repositories are compared. */
export function normaliseRepository(repository: string): string {
  return repository
    .toLocaleLowerCase()
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/, '');
}

/** The path of a location annotation (`url:https://host/a/b.git/tree/main/`), normalised, with slashes around. */
function locationPath(value: string): string | undefined {
  const url = value.replace(/^url:/, '');
  try {
    const path = new URL(url).pathname.toLocaleLowerCase();
    return `${path.replace(/\.git(?=\/|$)/g, '')}/`.replace(/\/+$/, '/');
  } catch {
    return undefined;
  }
}

/** Whether a Component is the repository's: by project slug, or a location path that names it. */
export function isComponentOf(entity: Entity, repository: string): boolean {
  const repo = normaliseRepository(repository);
  const annotations = entity.metadata.annotations ?? {};
  if (
    SLUG_ANNOTATIONS.some(
      a => annotations[a] && normaliseRepository(annotations[a]) === repo,
    )
  ) {
    return true;
  }
  return LOCATION_ANNOTATIONS.some(a => {
    const path = annotations[a] && locationPath(annotations[a]);
    return Boolean(path && path.includes(`/${repo}/`));
  });
}

/** The names a Component suggests as skills: languages, tags and its type. */
export function componentSkillNames(entity: Entity): string[] {
  const languages = (entity.metadata.annotations?.[LANGUAGES_ANNOTATION] ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
  const type = (entity.spec as { type?: unknown } | undefined)?.type;
  return [
    ...languages,
    ...(entity.metadata.tags ?? []),
    ...(typeof type === 'string' ? [type] : []),
  ];
}

/**
 * Maps a repository to taxonomy skills: the catalog Components of the
 * repository (`isComponentOf`), then their languages, tags and type resolved
 * through the taxonomy's names and aliases (unknown names are left out).
 */
export class ComponentSkills {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly skills: SkillStore,
  ) {}

  /** Reads the Components once; the function answers per repository. */
  async load(): Promise<(repository: string) => Set<number>> {
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'Component' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.tags',
          'metadata.annotations',
          'spec.type',
        ],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    const known = await this.skills.resolveSkillsLenient(
      items.flatMap(componentSkillNames),
    );
    const cache = new Map<string, Set<number>>();
    return repository => {
      const key = normaliseRepository(repository);
      let ids = cache.get(key);
      if (!ids) {
        ids = new Set(
          items
            .filter(e => isComponentOf(e, key))
            .flatMap(componentSkillNames)
            .flatMap(n => known.get(n.toLocaleLowerCase())?.id ?? []),
        );
        cache.set(key, ids);
      }
      return ids;
    };
  }
}
