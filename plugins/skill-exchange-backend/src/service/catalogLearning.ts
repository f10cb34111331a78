import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { LearningResource } from '@onramp/backstage-plugin-skill-exchange-common';
import type { SkillStore } from '../database';
import { isLearningUrl } from '../learningConfig';

/** Comma-separated skill names or aliases: the entity is a learning resource. */
export const LEARNING_SKILLS_ANNOTATION = 'onramp.dev/learning-skills';
/** Where it is read, when it has no TechDocs: http(s) or a path in Backstage. */
export const LEARNING_URL_ANNOTATION = 'onramp.dev/learning-url';
/** `course` or `link` (default) for a learning url. */
export const LEARNING_KIND_ANNOTATION = 'onramp.dev/learning-kind';
/** How long it takes, in whole minutes above 0. */
export const LEARNING_MINUTES_ANNOTATION = 'onramp.dev/learning-minutes';
const TECHDOCS_ANNOTATION = 'backstage.io/techdocs-ref';

/** How long the catalog's resources are kept before it is read again. */
export const CATALOG_LEARNING_TTL_MS = 60_000;

/**
 * An annotated entity as a resource, its skills still as written: TechDocs
 * when it has them, else its learning url, else its catalog page.
 */
export function entityLearningResource(entity: Entity): LearningResource {
  const annotations = entity.metadata.annotations ?? {};
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const namespace = entity.metadata.namespace ?? 'default';
  const path = `${namespace}/${kind}/${entity.metadata.name}`;
  const learningUrl = annotations[LEARNING_URL_ANNOTATION]?.trim();
  let link: Pick<LearningResource, 'url' | 'kind'> = {
    url: `/catalog/${path}`,
    kind: 'link',
  };
  if (annotations[TECHDOCS_ANNOTATION]) {
    link = { url: `/docs/${path}`, kind: 'docs' };
  } else if (learningUrl && isLearningUrl(learningUrl)) {
    const course = annotations[LEARNING_KIND_ANNOTATION]?.trim() === 'course';
    link = { url: learningUrl, kind: course ? 'course' : 'link' };
  }
  const minutes = Number(annotations[LEARNING_MINUTES_ANNOTATION]?.trim());
  return {
    id: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
    title: entity.metadata.title?.trim() || entity.metadata.name,
    ...link,
    skills: (annotations[LEARNING_SKILLS_ANNOTATION] ?? '')
      .split(',')
      .map(s => s.trim())
      .filter(Boolean),
    ...(Number.isInteger(minutes) && minutes > 0 ? { minutes } : {}),
  };
}

/**
 * The catalog's learning resources: entities annotated with
 * {@link LEARNING_SKILLS_ANNOTATION}, skills resolved through the taxonomy,
 * sorted by title. Read with the plugin's own credentials and kept for
 * {@link CATALOG_LEARNING_TTL_MS}: only a cache, since completions live in
 * the database and every replica reads the same catalog. A failed read is
 * one warning and no resources until the next read.
 */
export class CatalogLearningResources {
  private cached?: { at: number; resources: Promise<LearningResource[]> };
  private readonly warned = new Set<string>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly skills: SkillStore,
    private readonly logger: LoggerService,
    private readonly now: () => number = Date.now,
  ) {}

  async list(): Promise<LearningResource[]> {
    const at = this.now();
    if (!this.cached || at - this.cached.at >= CATALOG_LEARNING_TTL_MS) {
      this.cached = { at, resources: this.read() };
    }
    return this.cached.resources;
  }

  private async read(): Promise<LearningResource[]> {
    try {
      const { items } = await this.catalog.getEntities(
        {
          filter: {
            [`metadata.annotations.${LEARNING_SKILLS_ANNOTATION}`]:
              CATALOG_FILTER_EXISTS,
          },
          fields: [
            'kind',
            'metadata.namespace',
            'metadata.name',
            'metadata.title',
            'metadata.annotations',
          ],
        },
        { credentials: await this.auth.getOwnServiceCredentials() },
      );
      const resources = items.map(entityLearningResource);
      const known = await this.skills.resolveSkillsLenient(
        resources.flatMap(r => r.skills),
      );
      return resources
        .map(resource => ({
          ...resource,
          skills: [
            ...new Set(
              resource.skills.flatMap(skill => {
                const found = known.get(skill.toLocaleLowerCase());
                if (!found) this.warnUnknown(resource.id, skill);
                return found ? [found.name] : [];
              }),
            ),
          ],
        }))
        .sort((a, b) => a.title.localeCompare(b.title));
    } catch (error) {
      this.logger.warn(
        `Learning resources from the catalog could not be read, only the configured ones are shown: ${error}`,
      );
      return [];
    }
  }

  private warnUnknown(id: string, skill: string) {
    const key = `${id}\n${skill.toLocaleLowerCase()}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.logger.warn(
      `Learning resource ${id} (${LEARNING_SKILLS_ANNOTATION}): unknown skill '${skill}', left out`,
    );
  }
}
