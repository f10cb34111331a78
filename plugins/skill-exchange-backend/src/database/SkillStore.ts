import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type {
  Skill,
  SkillCategory,
  SkillInput,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { Knex } from 'knex';
import { moveSkillRows } from './mergeSkill';
import { insertedId, likePattern } from './rows';

/** A resolved skill: its id and canonical name. */
export interface SkillRef {
  id: number;
  name: string;
}

/** A skill to add to the taxonomy when it is not there yet. */
export interface SkillSeed {
  name: string;
  category: SkillCategory;
  description?: string;
  aliases?: string[];
}

/** The skills taxonomy: names, categories and aliases. */
export interface SkillStore {
  /** Adds skills that are not there yet (by name or alias); never renames. */
  seedSkills(skills: SkillSeed[]): Promise<number>;
  addSkill(input: SkillInput): Promise<Skill>;
  updateSkill(id: number, input: SkillInput): Promise<Skill>;
  mergeSkill(id: number, into: string): Promise<Skill>;
  listSkills(options?: { q?: string; exact?: boolean }): Promise<Skill[]>;
  /** Resolves names through aliases; unknown names are a 400 naming each. */
  resolveSkills(names: string[], tx?: Knex): Promise<SkillRef[]>;
  /** Looks names up (lower-cased keys), through aliases; unknown names are left out. */
  resolveSkillsLenient(names: string[]): Promise<Map<string, SkillRef>>;
}

export class KnexSkillStore implements SkillStore {
  static create(db: Knex): KnexSkillStore {
    return new KnexSkillStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async seedSkills(skills: SkillSeed[]): Promise<number> {
    let added = 0;
    await this.db.transaction(async tx => {
      const known = new Set<string>(
        (await tx('skills').select('name_lower')).map(r => r.name_lower),
      );
      for (const row of await tx('skill_aliases').select('alias_lower')) {
        known.add(row.alias_lower);
      }
      for (const skill of skills) {
        const lower = skill.name.toLocaleLowerCase();
        if (known.has(lower)) continue;
        const [inserted] = await tx('skills')
          .insert({
            name: skill.name,
            name_lower: lower,
            category: skill.category,
            description: skill.description ?? '',
          })
          .returning('id');
        const id = insertedId(inserted);
        known.add(lower);
        added += 1;
        const aliases = (skill.aliases ?? [])
          .map(a => a.toLocaleLowerCase())
          .filter(a => !known.has(a));
        if (aliases.length) {
          await tx('skill_aliases')
            .insert(aliases.map(alias_lower => ({ alias_lower, skill_id: id })))
            .onConflict('alias_lower')
            .ignore();
          aliases.forEach(a => known.add(a));
        }
      }
    });
    return added;
  }

  async addSkill(input: SkillInput): Promise<Skill> {
    const names = [input.name, ...input.aliases].map(n =>
      n.toLocaleLowerCase(),
    );
    const taken = await this.resolveSkillsLenient(names);
    if (taken.size) {
      throw new ConflictError(
        `Already in the taxonomy: ${[...taken.values()]
          .map(s => s.name)
          .join(', ')}`,
      );
    }
    await this.seedSkills([input]);
    const [skill] = await this.listSkills({ q: input.name, exact: true });
    return skill;
  }

  /**
   * Renames or recategorises a skill and replaces its aliases. The old name
   * becomes an alias, so posts, profiles and links using it keep working.
   */
  async updateSkill(id: number, input: SkillInput): Promise<Skill> {
    await this.db.transaction(async tx => {
      const current = await tx('skills').where('id', id).first();
      if (!current) throw new NotFoundError(`No skill ${id}`);
      const nameLower = input.name.toLocaleLowerCase();
      const aliases = new Set(input.aliases.map(a => a.toLocaleLowerCase()));
      if (current.name_lower !== nameLower) aliases.add(current.name_lower);
      aliases.delete(nameLower);
      const taken = [
        ...(await this.resolveSkillsLenient([nameLower, ...aliases], tx)),
      ].filter(([, skill]) => skill.id !== id);
      if (taken.length) {
        throw new ConflictError(
          `Already used by another skill: ${taken
            .map(([name, skill]) => `${name} (${skill.name})`)
            .join(', ')}`,
        );
      }
      await tx('skills').where('id', id).update({
        name: input.name,
        name_lower: nameLower,
        category: input.category,
        description: input.description,
      });
      await tx('skill_aliases').where('skill_id', id).delete();
      if (aliases.size) {
        await tx('skill_aliases').insert(
          [...aliases].map(alias_lower => ({ alias_lower, skill_id: id })),
        );
      }
    });
    return (await this.getSkill(id))!;
  }

  /**
   * Folds skill `id` into `into` (a name or alias) in one transaction: posts,
   * profiles (the higher level wins where a person has both), retros,
   * evidence and rejected suggestions move over, and the old name and
   * aliases become aliases of `into`.
   */
  async mergeSkill(id: number, into: string): Promise<Skill> {
    const targetId = await this.db.transaction(async tx => {
      const source = await tx('skills').where('id', id).first();
      if (!source) throw new NotFoundError(`No skill ${id}`);
      const [target] = await this.resolveSkills([into], tx);
      if (target.id === id) {
        throw new InputError('into: a skill cannot be merged into itself');
      }
      await moveSkillRows(tx, id, target.id);
      const aliases = (
        await tx('skill_aliases').where('skill_id', id).select('alias_lower')
      ).map(a => a.alias_lower);
      await tx('skill_aliases').where('skill_id', id).delete();
      await tx('skills').where('id', id).delete();
      await tx('skill_aliases')
        .insert(
          [source.name_lower, ...aliases].map(alias_lower => ({
            alias_lower,
            skill_id: target.id,
          })),
        )
        .onConflict('alias_lower')
        .ignore();
      return target.id;
    });
    return (await this.getSkill(targetId))!;
  }

  private async getSkill(id: number): Promise<Skill | undefined> {
    const [skill] = await this.listSkills({ id });
    return skill;
  }

  async listSkills(
    options: { q?: string; exact?: boolean; id?: number } = {},
  ): Promise<Skill[]> {
    const usage = (table: string) =>
      this.db(table).count('*').whereRaw(`${table}.skill_id = skills.id`);
    const query = this.db('skills').select(
      'id',
      'name',
      'category',
      'description',
      usage('post_skills').as('post_count'),
      usage('profile_skills').as('profile_count'),
    );
    if (options.id !== undefined) query.where('id', options.id);
    if (options.q) {
      const q = options.q.toLocaleLowerCase();
      if (options.exact) {
        query.where('name_lower', q);
      } else {
        const pattern = likePattern(q);
        query.where(inner =>
          inner
            .whereRaw(`name_lower LIKE ? ESCAPE '\\'`, [pattern])
            .orWhereIn(
              'id',
              this.db('skill_aliases')
                .select('skill_id')
                .whereRaw(`alias_lower LIKE ? ESCAPE '\\'`, [pattern]),
            ),
        );
      }
    }
    const rows = await query.orderBy('name_lower');
    const aliases = await this.db('skill_aliases')
      .whereIn(
        'skill_id',
        rows.map(r => r.id),
      )
      .select('skill_id', 'alias_lower');
    return rows.map(r => ({
      id: r.id,
      name: r.name,
      category: r.category,
      description: r.description,
      aliases: aliases
        .filter(a => a.skill_id === r.id)
        .map(a => a.alias_lower)
        .sort(),
      usage: {
        posts: Number(r.post_count),
        profiles: Number(r.profile_count),
      },
    }));
  }

  /** Looks names up case-insensitively, through aliases; unknown names are left out. */
  async resolveSkillsLenient(
    names: string[],
    tx: Knex = this.db,
  ): Promise<Map<string, SkillRef>> {
    const lower = [...new Set(names.map(n => n.toLocaleLowerCase()))];
    const found = new Map<string, SkillRef>();
    if (!lower.length) return found;
    const direct = await tx('skills')
      .whereIn('name_lower', lower)
      .select('id', 'name', 'name_lower');
    for (const row of direct)
      found.set(row.name_lower, { id: row.id, name: row.name });
    const viaAlias = await tx('skill_aliases')
      .join('skills', 'skills.id', 'skill_aliases.skill_id')
      .whereIn('skill_aliases.alias_lower', lower)
      .select('skills.id', 'skills.name', 'skill_aliases.alias_lower');
    for (const row of viaAlias)
      found.set(row.alias_lower, { id: row.id, name: row.name });
    return found;
  }

  async resolveSkills(
    names: string[],
    tx: Knex = this.db,
  ): Promise<SkillRef[]> {
    const found = await this.resolveSkillsLenient(names, tx);
    const unknown = names.filter(n => !found.has(n.toLocaleLowerCase()));
    if (unknown.length) {
      throw new InputError(
        `Unknown skill${unknown.length > 1 ? 's' : ''}: ${unknown.join(
          ', ',
        )}. Pick skills from the taxonomy (GET /skills).`,
      );
    }
    const unique = new Map<number, SkillRef>();
    for (const n of names) {
      const ref = found.get(n.toLocaleLowerCase())!;
      unique.set(ref.id, ref);
    }
    return [...unique.values()];
  }
}
