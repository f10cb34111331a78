import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  acceptSuggestionSchema,
  EvidenceKind,
  Expert,
  Page,
  SkillCategory,
  SkillEvidence,
  skillExchangeProfileUpdatePermission,
  SkillSuggestion,
} from '@onramp/backstage-plugin-skill-exchange-common';
import type { z } from 'zod';
import type {
  EvidenceFact,
  SkillExchangeStores,
  StoredEvidence,
} from '../../database';
import type { Caller, SkillExchangeAccess } from '../access';
import type { CatalogFactsReader } from '../catalogFacts';
import { describeEvidence, explainEvidence } from './text';
import type { EvidenceSource } from './sources';

/** Rows of one person's evidence, grouped by skill (in the rows' order). */
function bySkill(rows: StoredEvidence[]): Map<string, StoredEvidence[]> {
  const grouped = new Map<string, StoredEvidence[]>();
  for (const row of rows) {
    grouped.set(row.skill, [...(grouped.get(row.skill) ?? []), row]);
  }
  return grouped;
}

/**
 * Skills backed by evidence: refreshing it from the sources, showing it with
 * consent, and suggesting skills from it. Suggestions are the person's own:
 * every call here is for the caller, and nothing else returns them.
 */
export class EvidenceService {
  constructor(
    private readonly stores: SkillExchangeStores,
    private readonly access: SkillExchangeAccess,
    private readonly catalogFacts: CatalogFactsReader,
    private readonly sources: EvidenceSource[],
    private readonly logger: LoggerService,
  ) {}

  /**
   * Recomputes the evidence of `users` from every source. A source that fails
   * (e.g. Golden Paths unreachable) keeps what it found last time; the
   * others are refreshed anyway. `only` limits it to the sources of those
   * kinds (a retro refreshes the Skill Exchange's own, not the pull requests).
   * Returns how many sources failed.
   */
  async refresh(
    users: string[],
    only?: readonly EvidenceKind[],
  ): Promise<number> {
    let failed = 0;
    const sources = only
      ? this.sources.filter(s => s.kinds.some(k => only.includes(k)))
      : this.sources;
    const collectors = await Promise.all(
      sources.map(async source => {
        try {
          return { source, collect: await source.prepare() };
        } catch (error) {
          failed += 1;
          this.logger.warn(
            `Skill evidence (${source.kinds.join(
              ', ',
            )}) not refreshed: ${error}`,
          );
          return undefined;
        }
      }),
    );
    for (const user of users) {
      const kinds: EvidenceKind[] = [];
      const facts: EvidenceFact[] = [];
      for (const c of collectors) {
        if (!c) continue;
        try {
          facts.push(...(await c.collect(user)));
          kinds.push(...c.source.kinds);
        } catch (error) {
          failed += 1;
          this.logger.warn(
            `Skill evidence (${c.source.kinds.join(
              ', ',
            )}) of ${user} not refreshed: ${error}`,
          );
        }
      }
      await this.stores.evidence.replace(user, kinds, facts);
    }
    return failed;
  }

  /**
   * The evidence behind a person's skills, by skill name, for `viewer`: the
   * person always sees their own, others only when the person shares it.
   */
  async forProfile(
    user: string,
    viewer: string,
    shared: boolean,
  ): Promise<Map<string, SkillEvidence>> {
    if (!shared && user.toLocaleLowerCase() !== viewer.toLocaleLowerCase()) {
      return new Map();
    }
    const rows = await this.stores.evidence.forUsers([user]);
    return new Map(
      [...bySkill(rows)].map(([skill, r]) => [skill, describeEvidence(r)]),
    );
  }

  /** The caller's suggestions: skills with evidence, not on the profile, not rejected. */
  async suggestions(caller: Caller): Promise<SkillSuggestion[]> {
    const rows = await this.stores.evidence.suggestions(caller.userEntityRef);
    return [...bySkill(rows)].map(([skill, r]) => ({
      skill,
      category: r[0].category as SkillCategory,
      evidence: describeEvidence(r),
    }));
  }

  /**
   * Adds a suggested skill to the caller's profile at a level, with the
   * profile's version rule (409). In one transaction with the check that it
   * is still a suggestion (404 otherwise): nothing changes on a 4xx.
   */
  async accept(
    caller: Caller,
    skillName: string,
    input: z.output<typeof acceptSuggestionSchema>,
  ): Promise<void> {
    await this.access.require(
      skillExchangeProfileUpdatePermission,
      caller,
      'edit your profile',
    );
    const ref = caller.userEntityRef;
    const [skill] = await this.stores.skills.resolveSkills([skillName]);
    const facts = await this.catalogFacts.read(ref);
    if (!facts) throw new NotFoundError(`No user ${ref} in the catalog`);
    await this.stores.profiles.addSkill(
      ref,
      { skillId: skill.id, level: input.level, canHelp: input.canHelp },
      input.version,
      { team: facts.teams[0] },
      async tx => {
        const still = await this.stores.evidence.suggestions(ref, skill.id, tx);
        if (!still.length) {
          throw new NotFoundError(`${skill.name} is not suggested to you`);
        }
      },
    );
  }

  /** "Not me": never suggested again (404 when it is not a suggestion now). */
  async reject(caller: Caller, skillName: string): Promise<SkillSuggestion[]> {
    const ref = caller.userEntityRef;
    const [skill] = await this.stores.skills.resolveSkills([skillName]);
    const still = await this.stores.evidence.suggestions(ref, skill.id);
    if (!still.length) {
      throw new NotFoundError(`${skill.name} is not suggested to you`);
    }
    await this.stores.evidence.reject(ref, skill);
    return this.suggestions(caller);
  }

  /** Each expert of an evidence-ranked page with why, in words. */
  async explainExperts(page: Page<Expert>): Promise<Page<Expert>> {
    const skills = await this.stores.skills.resolveSkills(
      page.items[0]?.skills.map(s => s.skill) ?? [],
    );
    const rows = await this.stores.evidence.forUsers(
      page.items.map(e => e.user),
      skills.map(s => s.id),
    );
    return {
      ...page,
      items: page.items.map(e => ({
        ...e,
        evidence: {
          score: e.evidence?.score ?? 0,
          reason: explainEvidence(rows.filter(r => r.user === e.user)),
        },
      })),
    };
  }
}
