import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  LearningGoalProgress,
  LearningResource,
} from '@onramp/backstage-plugin-skill-exchange-common';
import type { SkillExchangeStores, SkillStore } from '../database';
import type { Caller } from './access';

/**
 * The configured resources with their skills resolved through the taxonomy
 * (aliases to names). A skill the taxonomy does not know is one warning line
 * naming the resource; the resource keeps its other skills.
 */
export async function resolveLearningSkills(
  resources: LearningResource[],
  skills: SkillStore,
  logger: LoggerService,
): Promise<LearningResource[]> {
  const resolved: LearningResource[] = [];
  for (const resource of resources) {
    const names = new Set<string>();
    for (const skill of resource.skills) {
      try {
        const [ref] = await skills.resolveSkills([skill]);
        names.add(ref.name);
      } catch {
        logger.warn(
          `skillExchange.learning.resources '${resource.id}': unknown skill '${skill}', left out`,
        );
      }
    }
    resolved.push({ ...resource, skills: [...names] });
  }
  return resolved;
}

const sameSkill = (a: string, b: string) =>
  a.toLocaleLowerCase() === b.toLocaleLowerCase();

/**
 * Learning resources and who marked which done. Completions are the
 * person's own: every call is for the caller, never for someone else.
 * The resources are the configured ones (config order), then the catalog's
 * (by title) whose entity ref no configured id takes.
 */
export class LearningService {
  constructor(
    private readonly stores: SkillExchangeStores,
    private readonly configured: LearningResource[],
    private readonly catalog?: { list(): Promise<LearningResource[]> },
  ) {}

  private async resources(): Promise<LearningResource[]> {
    const fromCatalog = (await this.catalog?.list()) ?? [];
    const taken = new Set(this.configured.map(r => r.id));
    return [...this.configured, ...fromCatalog.filter(r => !taken.has(r.id))];
  }

  /** Every resource by id: what a completion can refer to. */
  async resourcesById(): Promise<ReadonlyMap<string, LearningResource>> {
    return new Map((await this.resources()).map(r => [r.id, r]));
  }

  private async find(resourceId: string): Promise<LearningResource> {
    const resource = (await this.resourcesById()).get(resourceId);
    if (!resource) {
      throw new NotFoundError(`No learning resource '${resourceId}'`);
    }
    return resource;
  }

  /** The resources (for a skill, by name or alias: 400 when unknown), with `completed` for the caller. */
  async list(
    skill: string | undefined,
    caller: Caller,
  ): Promise<LearningResource[]> {
    const name = skill
      ? (await this.stores.skills.resolveSkills([skill]))[0].name
      : undefined;
    const done = await this.stores.learning.completions(caller.userEntityRef);
    return (await this.resources())
      .filter(r => !name || r.skills.some(s => sameSkill(s, name)))
      .map(r => ({ ...r, completed: done.has(r.id) }));
  }

  /** Marks a resource done for the caller; `created` is false for a repeat. */
  async complete(resourceId: string, caller: Caller) {
    const resource = await this.find(resourceId);
    const { created } = await this.stores.learning.complete(
      caller.userEntityRef,
      resourceId,
    );
    return { value: { ...resource, completed: true }, created };
  }

  /** Undoes the caller's completion (nothing to undo is fine). */
  async uncomplete(
    resourceId: string,
    caller: Caller,
  ): Promise<LearningResource> {
    const resource = await this.find(resourceId);
    await this.stores.learning.uncomplete(caller.userEntityRef, resourceId);
    return { ...resource, completed: false };
  }

  /**
   * For each of the caller's learning goals: the first of its resources (config,
   * then catalog) not done yet, and how many are done.
   */
  async goals(caller: Caller): Promise<LearningGoalProgress[]> {
    const ref = caller.userEntityRef;
    const profile = await this.stores.profiles.getProfile(ref);
    const done = await this.stores.learning.completions(ref);
    const resources = await this.resources();
    return (profile?.learning ?? []).map(skill => {
      const mine = resources.filter(r =>
        r.skills.some(s => sameSkill(s, skill)),
      );
      const next = mine.find(r => !done.has(r.id));
      return {
        skill,
        ...(next ? { next: { ...next, completed: false } } : {}),
        completed: mine.filter(r => done.has(r.id)).length,
        total: mine.length,
      };
    });
  }
}
