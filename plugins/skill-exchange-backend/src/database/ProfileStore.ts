import { ConflictError, InputError } from '@backstage/errors';
import type {
  GrowthActivity,
  LearningResource,
  Page,
  Profile,
  ProfileInput,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { Knex } from 'knex';
import { hydratePosts, Viewer } from './hydratePosts';
import { isUniqueViolation, ProfileRow, toBool, toIso } from './rows';
import type { SkillStore } from './SkillStore';

/** Catalog facts that are stored with a profile so that SQL can filter by them. */
export interface ProfileCatalogFacts {
  team?: string;
}

/** What is stored of a profile: everything but the catalog's facts. */
export type StoredProfile = Omit<
  Profile,
  'displayName' | 'title' | 'email' | 'teams' | 'startDate'
>;

/** Skill profiles (levels, can-help, learning goals) and what people did to grow. */
export interface ProfileStore {
  getProfile(user: string): Promise<StoredProfile | undefined>;
  /**
   * Creates or replaces the user's profile. With `version` it only replaces
   * that version (409 otherwise); version 0 means "I saw no profile yet".
   */
  saveProfile(
    user: string,
    input: ProfileInput,
    facts: ProfileCatalogFacts,
  ): Promise<void>;
  /**
   * Adds one skill at a level (a learning-only skill gets the level), under
   * the same version rule as `saveProfile`. `guard` runs first in the same
   * transaction (e.g. "is it still a suggestion?"); a skill already levelled
   * is a 409. Nothing changes when anything throws.
   */
  addSkill(
    user: string,
    skill: { skillId: number; level: number; canHelp: boolean },
    version: number | undefined,
    facts: ProfileCatalogFacts,
    guard: (tx: Knex) => Promise<void>,
  ): Promise<void>;
  /**
   * What a person did to grow, newest first: embeds and mentorships they were
   * accepted on, hacks they joined, and their own posts that got filled.
   */
  growthActivities(
    user: string,
    page: { limit: number; offset: number },
    viewer: Viewer,
    /** With the person's own view: the resources that count as `learned`. */
    learned?: ReadonlyMap<string, LearningResource>,
  ): Promise<Page<GrowthActivity>>;
}

type SkillFlags = {
  level: number | null;
  can_help: boolean;
  learning: boolean;
};

export class KnexProfileStore implements ProfileStore {
  static create(db: Knex, skills: SkillStore): KnexProfileStore {
    return new KnexProfileStore(db, skills);
  }

  private constructor(
    private readonly db: Knex,
    private readonly skills: SkillStore,
  ) {}

  async getProfile(user: string): Promise<StoredProfile | undefined> {
    const row = await this.db<ProfileRow>('profiles')
      .where('user_ref', user)
      .first();
    if (!row) return undefined;
    const skills = await this.db('profile_skills')
      .join('skills', 'skills.id', 'profile_skills.skill_id')
      .where('profile_skills.user_ref', user)
      .orderBy('profile_skills.level', 'desc')
      .orderBy('skills.name_lower', 'asc')
      .select(
        'skills.name',
        'skills.category',
        'profile_skills.level',
        'profile_skills.can_help',
        'profile_skills.learning',
      );
    return {
      user,
      bio: row.bio,
      contact: row.contact,
      openToEmbeds: toBool(row.open_to_embeds),
      openToMentoring: toBool(row.open_to_mentoring),
      openToHacks: toBool(row.open_to_hacks),
      shareEvidence: toBool(row.share_evidence),
      skills: skills
        .filter(s => s.level !== null)
        .map(s => ({
          skill: s.name,
          category: s.category,
          level: s.level,
          canHelp: toBool(s.can_help),
        })),
      learning: skills
        .filter(s => toBool(s.learning))
        .map(s => s.name)
        .sort((a, b) => a.localeCompare(b)),
      version: row.version,
      updatedAt: toIso(row.updated_at),
    };
  }

  async saveProfile(
    user: string,
    input: ProfileInput,
    facts: ProfileCatalogFacts,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      const levelled = await this.skills.resolveSkills(
        input.skills.map(s => s.skill),
        tx,
      );
      const learning = await this.skills.resolveSkills(input.learning, tx);
      if (levelled.length !== input.skills.length) {
        throw new InputError('skills: each skill may appear only once');
      }
      await this.writeProfileRow(tx, user, input.version, {
        team: facts.team?.toLocaleLowerCase() ?? null,
        bio: input.bio,
        contact: input.contact,
        open_to_embeds: input.openToEmbeds,
        open_to_mentoring: input.openToMentoring,
        open_to_hacks: input.openToHacks,
        share_evidence: input.shareEvidence ?? false,
      });
      await tx('profile_skills').where('user_ref', user).delete();
      const rows = new Map<number, SkillFlags>();
      input.skills.forEach((s, i) =>
        rows.set(levelled[i].id, {
          level: s.level,
          can_help: s.canHelp,
          learning: false,
        }),
      );
      for (const l of learning) {
        const existing = rows.get(l.id);
        rows.set(l.id, {
          level: existing?.level ?? null,
          can_help: existing?.can_help ?? false,
          learning: true,
        });
      }
      if (rows.size) {
        await tx('profile_skills').insert(
          [...rows.entries()].map(([skill_id, r]) => ({
            user_ref: user,
            skill_id,
            ...r,
          })),
        );
      }
    });
  }

  async addSkill(
    user: string,
    skill: { skillId: number; level: number; canHelp: boolean },
    version: number | undefined,
    facts: ProfileCatalogFacts,
    guard: (tx: Knex) => Promise<void>,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await guard(tx);
      const existing = await tx('profile_skills')
        .where({ user_ref: user, skill_id: skill.skillId })
        .first('level');
      if (existing && existing.level !== null) {
        throw new ConflictError('That skill is on your profile already');
      }
      await this.writeProfileRow(tx, user, version, {
        team: facts.team?.toLocaleLowerCase() ?? null,
      });
      const flags = { level: skill.level, can_help: skill.canHelp };
      if (existing) {
        await tx('profile_skills')
          .where({ user_ref: user, skill_id: skill.skillId })
          .update(flags);
      } else {
        await tx('profile_skills').insert({
          user_ref: user,
          skill_id: skill.skillId,
          learning: false,
          ...flags,
        });
      }
    });
  }

  /**
   * Inserts or updates the profile row, checking the version either way; a
   * new row takes the table's defaults for the columns not given.
   */
  private async writeProfileRow(
    tx: Knex,
    user: string,
    version: number | undefined,
    given: Record<string, unknown>,
  ) {
    const columns = { ...given, updated_at: new Date() };
    const current = await tx<ProfileRow>('profiles')
      .where('user_ref', user)
      .first();
    if (current) {
      const expected = version ?? current.version;
      const changed = await tx('profiles')
        .where({ user_ref: user, version: expected })
        .update({ ...columns, version: tx.raw('?? + 1', ['version']) });
      if (changed !== 1) {
        throw new ConflictError(
          `Your profile was changed elsewhere (you have version ${expected}, it is now ${current.version}); reload it and try again.`,
        );
      }
      return;
    }
    if (version !== undefined && version !== 0) {
      throw new ConflictError('The profile was deleted meanwhile; reload it');
    }
    try {
      await tx('profiles').insert({ user_ref: user, ...columns, version: 1 });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          'The profile was created meanwhile; reload it and try again',
        );
      }
      throw error;
    }
  }

  /**
   * One UNION over the per-user indexes (interests_user_idx,
   * memberships_user_idx, posts_owner_idx, pairing_slots_booked_by_idx),
   * paged in SQL. A pairing session counts as `paired` for its owner and
   * its booker (not as `filled`).
   */
  async growthActivities(
    user: string,
    page: { limit: number; offset: number },
    viewer: Viewer,
    learned?: ReadonlyMap<string, LearningResource>,
  ): Promise<Page<GrowthActivity>> {
    const ref = user.toLocaleLowerCase();
    const noResource = this.db.raw('NULL AS resource_id');
    const union = this.db('interests as i')
      .where('i.user_ref', ref)
      .where('i.status', 'accepted')
      .select(
        this.db.raw(`'accepted' AS type`),
        'i.post_id AS post_id',
        'i.updated_at AS happened_at',
        noResource,
      )
      .unionAll(qb =>
        qb
          .from('memberships as m')
          .where('m.user_ref', ref)
          .select(
            this.db.raw(`'joined' AS type`),
            'm.post_id AS post_id',
            'm.created_at AS happened_at',
            noResource,
          ),
      )
      .unionAll(qb =>
        qb
          .from('posts as o')
          .where('o.owner', ref)
          .where('o.status', 'filled')
          .whereNot('o.kind', 'pairing')
          .select(
            this.db.raw(`'filled' AS type`),
            'o.id AS post_id',
            'o.status_changed_at AS happened_at',
            noResource,
          ),
      )
      .unionAll(qb =>
        qb
          .from('pairing_slots as s')
          .join('posts as po', 'po.id', 's.post_id')
          .whereNotNull('s.booked_by')
          .where(w => w.where('s.booked_by', ref).orWhere('po.owner', ref))
          .select(
            this.db.raw(`'paired' AS type`),
            's.post_id AS post_id',
            's.booked_at AS happened_at',
            noResource,
          ),
      );
    if (learned?.size) {
      union.unionAll(qb =>
        qb
          .from('learning_completions as l')
          .where('l.user_ref', ref)
          .whereIn('l.resource_id', [...learned.keys()])
          .select(
            this.db.raw(`'learned' AS type`),
            this.db.raw('NULL AS post_id'),
            'l.completed_at AS happened_at',
            'l.resource_id AS resource_id',
          ),
      );
    }
    const [{ count }] = await this.db
      .from(union.clone().as('a'))
      .count({ count: '*' });
    const rows: Array<{
      type: GrowthActivity['type'];
      post_id: number | null;
      happened_at: Date | string | number;
      resource_id: string | null;
    }> = await this.db
      .from(union.as('a'))
      .select('type', 'post_id', 'happened_at', 'resource_id')
      .orderBy([
        { column: 'happened_at', order: 'desc' },
        { column: 'post_id', order: 'desc' },
        { column: 'type', order: 'asc' },
        { column: 'resource_id', order: 'asc' },
      ])
      .limit(page.limit)
      .offset(page.offset);
    const posts = await hydratePosts(
      this.db,
      await this.db('posts').whereIn('id', [
        ...new Set(rows.flatMap(r => (r.post_id === null ? [] : [r.post_id]))),
      ]),
      viewer,
    );
    return {
      items: rows.flatMap((r): GrowthActivity[] => {
        const at = toIso(r.happened_at);
        const resource = r.resource_id
          ? learned?.get(r.resource_id)
          : undefined;
        if (resource) return [{ type: r.type, at, resource }];
        const post = posts.find(p => p.id === r.post_id);
        return post ? [{ type: r.type, at, post }] : [];
      }),
      totalItems: Number(count),
      limit: page.limit,
      offset: page.offset,
    };
  }
}
