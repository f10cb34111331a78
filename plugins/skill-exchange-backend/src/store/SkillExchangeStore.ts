import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type {
  EventInput,
  EventUpdate,
  Expert,
  ExpertsQuery,
  GrowthActivity,
  HackEvent,
  Interest,
  InterestStatus,
  ListPostsQuery,
  Page,
  Post,
  PostInput,
  PostStatus,
  Profile,
  ProfileInput,
  Insights,
  MatchReason,
  PersonMatch,
  PostKind,
  PostMatch,
  Skill,
  SkillCategory,
  SkillInput,
  SkillInsight,
  TeamSkillCoverage,
  TeamSkills,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { levelName } from '@onramp/backstage-plugin-skill-exchange-common';
import { Knex } from 'knex';
import {
  InterestRow,
  likePattern,
  PostRow,
  ProfileRow,
  toBool,
  toIso,
} from './rows';

const migrationsDir = resolvePackagePath(
  '@onramp/backstage-plugin-skill-exchange-backend',
  'migrations',
);

/** Which profile flag says a person is open to a kind of post. */
const AVAILABILITY_COLUMN = {
  embed: 'open_to_embeds',
  hack: 'open_to_hacks',
  mentorship: 'open_to_mentoring',
} as const;

/** Members (or posts) per query in team aggregates: well below the parameter limits. */
const TEAM_CHUNK = 500;

const KIND_NOUN = { embed: 'embeds', hack: 'hacks', mentorship: 'mentoring' };

/** A resolved skill: its id and canonical name. */
interface SkillRef {
  id: number;
  name: string;
}

/** What the viewer's own relation to posts is; adds saved/following/myInterest. */
type Viewer = string | undefined;

/** Catalog facts that are stored with a profile so that SQL can filter by them. */
export interface ProfileCatalogFacts {
  team?: string;
}

/**
 * All Skill Exchange data access. Filters, sorting and pagination run in SQL;
 * writes that can race use a version column or a conditional update.
 */
export class SkillExchangeStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<SkillExchangeStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new SkillExchangeStore(client);
  }

  constructor(private readonly db: Knex) {}

  // ---------------------------------------------------------------- skills

  /** Adds skills that are not there yet (by name or alias); never renames. */
  async seedSkills(
    skills: Array<{
      name: string;
      category: SkillCategory;
      description?: string;
      aliases?: string[];
    }>,
  ): Promise<number> {
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
        const id = typeof inserted === 'object' ? inserted.id : inserted;
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
   * Folds skill `id` into `into` (a name or alias): posts and profiles move
   * over (the higher level wins where a person has both), and the old name
   * and aliases become aliases of `into`.
   */
  async mergeSkill(id: number, into: string): Promise<Skill> {
    const targetId = await this.db.transaction(async tx => {
      const source = await tx('skills').where('id', id).first();
      if (!source) throw new NotFoundError(`No skill ${id}`);
      const [target] = await this.resolveSkills([into], tx);
      if (target.id === id) {
        throw new InputError('into: a skill cannot be merged into itself');
      }
      const posts = await tx('post_skills')
        .where('skill_id', id)
        .whereNotIn(
          'post_id',
          tx('post_skills').select('post_id').where('skill_id', target.id),
        )
        .select('post_id');
      if (posts.length) {
        await tx('post_skills').insert(
          posts.map(p => ({ post_id: p.post_id, skill_id: target.id })),
        );
      }
      const moving = await tx('profile_skills').where('skill_id', id);
      for (const row of moving) {
        const existing = await tx('profile_skills')
          .where({ user_ref: row.user_ref, skill_id: target.id })
          .first();
        if (!existing) {
          await tx('profile_skills').insert({ ...row, skill_id: target.id });
          continue;
        }
        await tx('profile_skills')
          .where({ user_ref: row.user_ref, skill_id: target.id })
          .update({
            level: Math.max(existing.level ?? 0, row.level ?? 0) || null,
            can_help: toBool(existing.can_help) || toBool(row.can_help),
            learning: toBool(existing.learning) || toBool(row.learning),
          });
      }
      const aliases = (
        await tx('skill_aliases').where('skill_id', id).select('alias_lower')
      ).map(a => a.alias_lower);
      await tx('post_skills').where('skill_id', id).delete();
      await tx('profile_skills').where('skill_id', id).delete();
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

  async getSkill(id: number): Promise<Skill | undefined> {
    const [skill] = await this.listSkills({ id });
    return skill;
  }

  async listSkills(
    options: { q?: string; exact?: boolean; id?: number } = {},
  ): Promise<Skill[]> {
    const query = this.db('skills').select(
      'id',
      'name',
      'category',
      'description',
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
    }));
  }

  /** Looks names up case-insensitively, through aliases; unknown names are left out. */
  private async resolveSkillsLenient(
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

  /** Resolves skill names; unknown names are a 400 naming each of them. */
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

  // ----------------------------------------------------------------- posts

  private postColumns(input: PostInput) {
    const base = {
      kind: input.kind,
      title: input.title,
      title_lower: input.title.toLocaleLowerCase(),
      description: input.description,
      team: null as string | null,
      level: null as number | null,
      start: null as string | null,
      duration_weeks: null as number | null,
      location: null as string | null,
      office: null as string | null,
      headcount: null as number | null,
      stage: null as string | null,
      event_id: null as number | null,
      mode: null as string | null,
      capacity: null as number | null,
    };
    switch (input.kind) {
      case 'embed':
        return {
          ...base,
          team: input.team.toLocaleLowerCase(),
          level: input.level,
          start: input.start,
          duration_weeks: input.durationWeeks,
          location: input.location,
          office: input.office ?? null,
          headcount: input.headcount,
        };
      case 'hack':
        return { ...base, stage: input.stage, event_id: input.eventId ?? null };
      case 'mentorship':
        return { ...base, mode: input.mode, capacity: input.capacity };
      default:
        throw new InputError('Unknown post kind');
    }
  }

  private async checkEvent(tx: Knex, input: PostInput) {
    if (input.kind === 'hack' && input.eventId !== undefined) {
      const event = await tx('hack_events').where('id', input.eventId).first();
      if (!event) {
        throw new InputError(`eventId: no hack event ${input.eventId}`);
      }
    }
  }

  async createPost(owner: string, input: PostInput): Promise<Post> {
    const id = await this.db.transaction(async tx => {
      const skills = await this.resolveSkills(input.skills, tx);
      await this.checkEvent(tx, input);
      const now = new Date();
      const [inserted] = await tx('posts')
        .insert({
          ...this.postColumns(input),
          status: 'open',
          owner,
          created_at: now,
          updated_at: now,
          status_changed_at: now,
          version: 1,
          member_count: 0,
        })
        .returning('id');
      const postId = typeof inserted === 'object' ? inserted.id : inserted;
      if (skills.length) {
        await tx('post_skills').insert(
          skills.map(s => ({ post_id: postId, skill_id: s.id })),
        );
      }
      return postId as number;
    });
    return (await this.getPost(id, owner))!;
  }

  async getPostRow(id: number): Promise<PostRow | undefined> {
    return this.db<PostRow>('posts').where('id', id).first();
  }

  async getPostRows(ids: number[]): Promise<PostRow[]> {
    return this.db<PostRow>('posts').whereIn('id', ids);
  }

  async getPost(id: number, viewer: Viewer): Promise<Post | undefined> {
    const row = await this.getPostRow(id);
    if (!row) return undefined;
    const [post] = await this.hydrate([row], viewer);
    return post;
  }

  /** Throws 404 for an unknown id and 409 when `version` is not the current one. */
  private async conflictOrMissing(
    id: number,
    version: number,
    tx: Knex = this.db,
  ): Promise<never> {
    const row = await tx<PostRow>('posts').where('id', id).first();
    if (!row) throw new NotFoundError(`No post ${id}`);
    throw new ConflictError(
      `Post ${id} was changed by someone else (you have version ${version}, it is now ${row.version}); reload it and try again.`,
    );
  }

  async updatePost(
    id: number,
    input: PostInput,
    version: number,
    viewer: string,
  ): Promise<Post> {
    await this.db.transaction(async tx => {
      const current = await tx<PostRow>('posts').where('id', id).first();
      if (!current) throw new NotFoundError(`No post ${id}`);
      if (current.kind !== input.kind) {
        throw new InputError(
          `kind: a ${current.kind} cannot become a ${input.kind}`,
        );
      }
      const skills = await this.resolveSkills(input.skills, tx);
      await this.checkEvent(tx, input);
      const changed = await tx('posts')
        .where({ id, version })
        .update({
          ...this.postColumns(input),
          updated_at: new Date(),
          version: version + 1,
        });
      if (changed !== 1) {
        await this.conflictOrMissing(id, version, tx);
      }
      await tx('post_skills').where('post_id', id).delete();
      if (skills.length) {
        await tx('post_skills').insert(
          skills.map(s => ({ post_id: id, skill_id: s.id })),
        );
      }
    });
    return (await this.getPost(id, viewer))!;
  }

  async setPostStatus(
    id: number,
    status: PostStatus,
    version: number,
    viewer: string,
  ): Promise<Post> {
    const now = new Date();
    const changed = await this.db('posts')
      .where({ id, version })
      .update({
        status,
        status_changed_at: now,
        updated_at: now,
        version: version + 1,
      });
    if (changed !== 1) {
      await this.conflictOrMissing(id, version);
    }
    return (await this.getPost(id, viewer))!;
  }

  async deletePost(id: number): Promise<void> {
    const deleted = await this.db('posts').where('id', id).delete();
    if (!deleted) throw new NotFoundError(`No post ${id}`);
  }

  async listPosts(query: ListPostsQuery, viewer: Viewer): Promise<Page<Post>> {
    const q = this.db<PostRow>('posts');
    if (query.kind) q.where('posts.kind', query.kind);
    if (query.status) q.where('posts.status', query.status);
    if (query.stage) q.where('posts.stage', query.stage);
    if (query.mode) q.where('posts.mode', query.mode);
    if (query.level) q.where('posts.level', query.level);
    if (query.location) q.where('posts.location', query.location);
    if (query.team) q.where('posts.team', query.team.toLocaleLowerCase());
    if (query.eventId) q.where('posts.event_id', query.eventId);
    if (query.q) {
      const pattern = likePattern(query.q);
      q.where(inner =>
        inner
          .whereRaw(`posts.title_lower LIKE ? ESCAPE '\\'`, [pattern])
          .orWhereRaw(`LOWER(posts.description) LIKE ? ESCAPE '\\'`, [pattern]),
      );
    }
    if (query.skills?.length) {
      const ids = (await this.resolveSkills(query.skills)).map(s => s.id);
      if (query.skillsMatch === 'all') {
        q.whereRaw(
          `(SELECT COUNT(*) FROM post_skills ps WHERE ps.post_id = posts.id AND ps.skill_id IN (${ids
            .map(() => '?')
            .join(',')})) = ?`,
          [...ids, ids.length],
        );
      } else {
        q.whereExists(
          this.db('post_skills as ps')
            .select(this.db.raw('1'))
            .whereRaw('ps.post_id = posts.id')
            .whereIn('ps.skill_id', ids),
        );
      }
    }
    const mine = (table: string) =>
      this.db(`${table} as rel`)
        .select(this.db.raw('1'))
        .whereRaw('rel.post_id = posts.id')
        .where('rel.user_ref', viewer ?? '');
    if (query.owner) {
      q.where(
        'posts.owner',
        query.owner === 'me' ? viewer ?? '' : query.owner.toLocaleLowerCase(),
      );
    }
    if (query.saved === 'me') q.whereExists(mine('saves'));
    if (query.following === 'me') q.whereExists(mine('follows'));
    if (query.member === 'me') q.whereExists(mine('memberships'));
    if (query.adoptable) {
      q.where('posts.kind', 'hack')
        .where('posts.stage', 'idea')
        .where('posts.member_count', 0)
        .whereNot('posts.status', 'closed');
    }
    if (query.past !== undefined) {
      const today = new Date().toISOString().slice(0, 10);
      const isPast = (inner: Knex.QueryBuilder) =>
        inner
          .where('posts.stage', 'completed')
          .orWhereExists(
            this.db('hack_events as ev')
              .select(this.db.raw('1'))
              .whereRaw('ev.id = posts.event_id')
              .where('ev.ends_on', '<', today),
          );
      q.where('posts.kind', 'hack');
      if (query.past) {
        q.where(isPast);
      } else {
        q.whereNot(isPast);
      }
    }

    const [{ count }] = await q.clone().count({ count: '*' });
    switch (query.sort) {
      case 'updated':
        q.orderBy([
          { column: 'posts.updated_at', order: 'desc' },
          { column: 'posts.id', order: 'desc' },
        ]);
        break;
      case 'title':
        q.orderBy([
          { column: 'posts.title_lower', order: 'asc' },
          { column: 'posts.id', order: 'asc' },
        ]);
        break;
      case 'start':
        q.orderByRaw('CASE WHEN posts.start IS NULL THEN 1 ELSE 0 END')
          .orderBy('posts.start', 'asc')
          .orderBy('posts.id', 'asc');
        break;
      default:
        q.orderBy([
          { column: 'posts.created_at', order: 'desc' },
          { column: 'posts.id', order: 'desc' },
        ]);
    }
    const rows = await q
      .select('posts.*')
      .limit(query.limit)
      .offset(query.offset);
    return {
      items: await this.hydrate(rows, viewer),
      totalItems: Number(count),
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** Adds skills, counts and the viewer's relations to a page of rows (a fixed number of queries). */
  private async hydrate(rows: PostRow[], viewer: Viewer): Promise<Post[]> {
    if (!rows.length) return [];
    const ids = rows.map(r => r.id);
    const [
      skills,
      interestCounts,
      saves,
      follows,
      followerCounts,
      members,
      myInterests,
    ] = await Promise.all([
      this.db('post_skills')
        .join('skills', 'skills.id', 'post_skills.skill_id')
        .whereIn('post_skills.post_id', ids)
        .orderBy('skills.name_lower')
        .select('post_skills.post_id', 'skills.name'),
      this.db('interests')
        .whereIn('post_id', ids)
        .whereIn('status', ['pending', 'accepted'])
        .groupBy('post_id')
        .select('post_id')
        .count({ n: '*' }),
      viewer
        ? this.db('saves')
            .whereIn('post_id', ids)
            .where('user_ref', viewer)
            .select('post_id')
        : Promise.resolve([]),
      viewer
        ? this.db('follows')
            .whereIn('post_id', ids)
            .where('user_ref', viewer)
            .select('post_id')
        : Promise.resolve([]),
      this.db('follows')
        .whereIn('post_id', ids)
        .groupBy('post_id')
        .select('post_id')
        .count({ n: '*' }),
      this.db('memberships')
        .whereIn('post_id', ids)
        .orderBy('created_at')
        .select('post_id', 'user_ref'),
      viewer
        ? this.db<InterestRow>('interests')
            .whereIn('post_id', ids)
            .where('user_ref', viewer)
        : Promise.resolve([] as InterestRow[]),
    ]);
    const count = (
      list: Array<{ post_id: number; n: string | number }>,
      id: number,
    ) => Number(list.find(c => c.post_id === id)?.n ?? 0);
    const savedSet = new Set(saves.map((r: { post_id: number }) => r.post_id));
    const followSet = new Set(
      follows.map((r: { post_id: number }) => r.post_id),
    );

    return rows.map(row => {
      const common = {
        id: row.id,
        title: row.title,
        description: row.description,
        skills: skills.filter(s => s.post_id === row.id).map(s => s.name),
        status: row.status,
        owner: row.owner,
        createdAt: toIso(row.created_at),
        updatedAt: toIso(row.updated_at),
        statusChangedAt: toIso(row.status_changed_at),
        version: row.version,
        saved: savedSet.has(row.id),
        interestCount: count(interestCounts as any, row.id),
      };
      const mine = myInterests.find(i => i.post_id === row.id);
      switch (row.kind) {
        case 'embed':
          return {
            ...common,
            kind: 'embed',
            team: row.team!,
            level: row.level!,
            start: row.start!,
            durationWeeks: row.duration_weeks!,
            location: row.location!,
            ...(row.office ? { office: row.office } : {}),
            headcount: row.headcount!,
            ...(mine ? { myInterest: toInterest(mine) } : {}),
          };
        case 'hack':
          return {
            ...common,
            kind: 'hack',
            stage: row.stage!,
            ...(row.event_id ? { eventId: row.event_id } : {}),
            members: members
              .filter(m => m.post_id === row.id)
              .map(m => m.user_ref),
            followerCount: count(followerCounts as any, row.id),
            following: followSet.has(row.id),
          };
        default:
          return {
            ...common,
            kind: 'mentorship',
            mode: row.mode!,
            capacity: row.capacity!,
            ...(mine ? { myInterest: toInterest(mine) } : {}),
          };
      }
    });
  }

  // ------------------------------------------------------------- interests

  /**
   * Records interest in an open embed or mentorship. One per person and post:
   * a second one is a 409, unless the first was withdrawn (then it is renewed).
   */
  async expressInterest(
    postId: number,
    user: string,
    message: string,
  ): Promise<Interest> {
    return this.db.transaction(async tx => {
      const post = await tx<PostRow>('posts').where('id', postId).first();
      if (!post) throw new NotFoundError(`No post ${postId}`);
      if (post.kind === 'hack') {
        throw new InputError(
          'Hacks are joined, not applied to: POST /posts/:id/members',
        );
      }
      if (post.owner === user) {
        throw new InputError('You cannot express interest in your own post');
      }
      if (post.status !== 'open') {
        throw new ConflictError(`Post ${postId} is ${post.status}, not open`);
      }
      const now = new Date();
      const existing = await tx<InterestRow>('interests')
        .where({ post_id: postId, user_ref: user })
        .first();
      if (existing && existing.status !== 'withdrawn') {
        throw new ConflictError(
          'You have already expressed interest in this post',
        );
      }
      if (existing) {
        await tx('interests')
          .where({ id: existing.id, status: 'withdrawn' })
          .update({ status: 'pending', message, updated_at: now });
        return toInterest(
          (await tx<InterestRow>('interests')
            .where('id', existing.id)
            .first())!,
        );
      }
      try {
        const [inserted] = await tx('interests')
          .insert({
            post_id: postId,
            user_ref: user,
            message,
            status: 'pending',
            created_at: now,
            updated_at: now,
          })
          .returning('id');
        const id = typeof inserted === 'object' ? inserted.id : inserted;
        return toInterest(
          (await tx<InterestRow>('interests').where('id', id).first())!,
        );
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError(
            'You have already expressed interest in this post',
          );
        }
        throw error;
      }
    });
  }

  async listInterests(postId: number): Promise<Interest[]> {
    const rows = await this.db<InterestRow>('interests')
      .where('post_id', postId)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc');
    return rows.map(toInterest);
  }

  async getInterest(id: number): Promise<Interest | undefined> {
    const row = await this.db<InterestRow>('interests').where('id', id).first();
    return row ? toInterest(row) : undefined;
  }

  /**
   * Moves an interest from one of `from` to `to` atomically: of two racing
   * answers only one wins, the other gets a 409.
   */
  async transitionInterest(
    id: number,
    from: InterestStatus[],
    to: InterestStatus,
  ): Promise<Interest> {
    const changed = await this.db('interests')
      .where('id', id)
      .whereIn('status', from)
      .update({ status: to, updated_at: new Date() });
    const interest = await this.getInterest(id);
    if (!interest) throw new NotFoundError(`No interest ${id}`);
    if (changed !== 1) {
      throw new ConflictError(
        `Interest ${id} is ${interest.status}; it cannot become ${to}`,
      );
    }
    return interest;
  }

  // ------------------------------------------------- members, follows, saves

  async joinHack(postId: number, user: string): Promise<boolean> {
    return this.db.transaction(async tx => {
      const post = await tx<PostRow>('posts').where('id', postId).first();
      if (!post) throw new NotFoundError(`No post ${postId}`);
      if (post.kind !== 'hack') {
        throw new InputError(
          'Only hacks have members; express interest instead',
        );
      }
      if (post.status === 'closed') {
        throw new ConflictError(`Hack ${postId} is closed`);
      }
      const existed = await tx('memberships')
        .where({ post_id: postId, user_ref: user })
        .first();
      if (!existed) {
        await tx('memberships')
          .insert({ post_id: postId, user_ref: user, created_at: new Date() })
          .onConflict(['post_id', 'user_ref'])
          .ignore();
      }
      await this.recountMembers(tx, postId);
      return !existed;
    });
  }

  async leaveHack(postId: number, user: string): Promise<void> {
    await this.db.transaction(async tx => {
      const post = await tx<PostRow>('posts').where('id', postId).first();
      if (!post) throw new NotFoundError(`No post ${postId}`);
      await tx('memberships')
        .where({ post_id: postId, user_ref: user })
        .delete();
      await this.recountMembers(tx, postId);
    });
  }

  /** Recomputes the member count from the rows, so concurrent joins never drift. */
  private async recountMembers(tx: Knex, postId: number) {
    await tx('posts')
      .where('id', postId)
      .update({
        member_count: tx('memberships').where('post_id', postId).count('*'),
      });
  }

  /** Posts with their hack members, as permission rules see them. */
  async getPostResources(
    ids: number[],
  ): Promise<Array<PostRow & { members: string[] }>> {
    if (!ids.length) return [];
    const rows = await this.getPostRows(ids);
    const members: Array<{ post_id: number; user_ref: string }> = await this.db(
      'memberships',
    )
      .whereIn('post_id', ids)
      .orderBy('user_ref')
      .select('post_id', 'user_ref');
    return rows.map(row => ({
      ...row,
      members: members.filter(m => m.post_id === row.id).map(m => m.user_ref),
    }));
  }

  async isMember(postId: number, user: string): Promise<boolean> {
    return Boolean(
      await this.db('memberships')
        .where({ post_id: postId, user_ref: user })
        .first(),
    );
  }

  async setRelation(
    table: 'follows' | 'saves',
    postId: number,
    user: string,
    on: boolean,
  ): Promise<void> {
    const post = await this.getPostRow(postId);
    if (!post) throw new NotFoundError(`No post ${postId}`);
    if (table === 'follows' && post.kind !== 'hack') {
      throw new InputError('Only hacks can be followed');
    }
    if (on) {
      await this.db(table)
        .insert({ post_id: postId, user_ref: user, created_at: new Date() })
        .onConflict(['post_id', 'user_ref'])
        .ignore();
    } else {
      await this.db(table).where({ post_id: postId, user_ref: user }).delete();
    }
  }

  // ---------------------------------------------------------------- events

  async createEvent(input: EventInput, createdBy: string): Promise<HackEvent> {
    const [inserted] = await this.db('hack_events')
      .insert({
        name: input.name,
        description: input.description,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        organisers: JSON.stringify(lowerAll(input.organisers ?? [])),
        created_by: createdBy,
        created_at: new Date(),
        version: 1,
      })
      .returning('id');
    const id = typeof inserted === 'object' ? inserted.id : inserted;
    return (await this.getEvent(id))!;
  }

  async getEvent(id: number): Promise<HackEvent | undefined> {
    const row = await this.db('hack_events').where('id', id).first();
    return row ? toEvent(row) : undefined;
  }

  /** Replaces an event; 404 for an unknown id, 409 for a stale version. */
  async updateEvent(id: number, input: EventUpdate): Promise<HackEvent> {
    const changed = await this.db('hack_events')
      .where({ id, version: input.version })
      .update({
        name: input.name,
        description: input.description,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        organisers: JSON.stringify(lowerAll(input.organisers ?? [])),
        version: input.version + 1,
      });
    if (changed !== 1) {
      const current = await this.getEvent(id);
      if (!current) throw new NotFoundError(`No hack event ${id}`);
      throw new ConflictError(
        `Hack event ${id} was changed by someone else (you have version ${input.version}, it is now ${current.version}); reload it and try again.`,
      );
    }
    return (await this.getEvent(id))!;
  }

  /** Deletes an event; its hacks stay, without an event. */
  async deleteEvent(id: number): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('posts').where('event_id', id).update({ event_id: null });
      const deleted = await tx('hack_events').where('id', id).delete();
      if (!deleted) throw new NotFoundError(`No hack event ${id}`);
    });
  }

  async listEvents(): Promise<HackEvent[]> {
    const rows = await this.db('hack_events').orderBy('starts_on', 'desc');
    return rows.map(toEvent);
  }

  // -------------------------------------------------------------- profiles

  async getProfile(
    user: string,
  ): Promise<
    | Omit<Profile, 'displayName' | 'title' | 'email' | 'teams' | 'startDate'>
    | undefined
  > {
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

  /**
   * Creates or replaces the user's profile. With `version` it only replaces
   * that version (409 otherwise); version 0 means "I saw no profile yet".
   */
  async saveProfile(
    user: string,
    input: ProfileInput,
    facts: ProfileCatalogFacts,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      const levelled = await this.resolveSkills(
        input.skills.map(s => s.skill),
        tx,
      );
      const learning = await this.resolveSkills(input.learning, tx);
      if (levelled.length !== input.skills.length) {
        throw new InputError('skills: each skill may appear only once');
      }
      const now = new Date();
      const columns = {
        team: facts.team?.toLocaleLowerCase() ?? null,
        bio: input.bio,
        contact: input.contact,
        open_to_embeds: input.openToEmbeds,
        open_to_mentoring: input.openToMentoring,
        open_to_hacks: input.openToHacks,
        updated_at: now,
      };
      const current = await tx<ProfileRow>('profiles')
        .where('user_ref', user)
        .first();
      if (!current) {
        if (input.version !== undefined && input.version !== 0) {
          throw new ConflictError(
            'The profile was deleted meanwhile; reload it',
          );
        }
        try {
          await tx('profiles').insert({
            user_ref: user,
            ...columns,
            version: 1,
          });
        } catch (error) {
          if (isUniqueViolation(error)) {
            throw new ConflictError(
              'The profile was created meanwhile; reload it and try again',
            );
          }
          throw error;
        }
      } else {
        const expected = input.version ?? current.version;
        const changed = await tx('profiles')
          .where({ user_ref: user, version: expected })
          .update({ ...columns, version: expected + 1 });
        if (changed !== 1) {
          throw new ConflictError(
            `Your profile was changed elsewhere (you have version ${expected}, it is now ${current.version}); reload it and try again.`,
          );
        }
      }
      await tx('profile_skills').where('user_ref', user).delete();
      const rows = new Map<
        number,
        { level: number | null; can_help: boolean; learning: boolean }
      >();
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

  /** People with every requested skill at `minLevel` or more, best first. */
  async findExperts(query: ExpertsQuery): Promise<Page<Expert>> {
    const skills = await this.resolveSkills(query.skills);
    if (!skills.length) {
      throw new InputError('skills: name at least one skill');
    }
    const ids = skills.map(s => s.id);
    const matching = this.db('profile_skills as ps')
      .join('profiles as p', 'p.user_ref', 'ps.user_ref')
      .whereIn('ps.skill_id', ids)
      .where('ps.level', '>=', query.minLevel)
      .modify(qb => {
        if (query.canHelp) qb.where('ps.can_help', true);
        if (query.team) qb.where('p.team', query.team.toLocaleLowerCase());
      })
      .groupBy('ps.user_ref', 'p.team')
      .havingRaw('COUNT(DISTINCT ps.skill_id) = ?', [ids.length])
      .select('ps.user_ref', 'p.team')
      .sum({ score: 'ps.level' });
    const [{ count }] = await this.db
      .from(matching.clone().as('m'))
      .count({ count: '*' });
    const page: Array<{
      user_ref: string;
      team: string | null;
      score: string | number;
    }> = await matching
      .orderBy([
        { column: 'score', order: 'desc' },
        { column: 'ps.user_ref', order: 'asc' },
      ])
      .limit(query.limit)
      .offset(query.offset);
    const levels = page.length
      ? await this.db('profile_skills')
          .whereIn(
            'user_ref',
            page.map(p => p.user_ref),
          )
          .whereIn('skill_id', ids)
          .select('user_ref', 'skill_id', 'level', 'can_help')
      : [];
    return {
      items: page.map(p => ({
        user: p.user_ref,
        ...(p.team ? { team: p.team } : {}),
        score: Number(p.score),
        skills: skills.map(s => {
          const l = levels.find(
            x => x.user_ref === p.user_ref && x.skill_id === s.id,
          );
          return {
            skill: s.name,
            level: l?.level ?? 0,
            canHelp: toBool(l?.can_help),
          };
        }),
      })),
      totalItems: Number(count),
      limit: query.limit,
      offset: query.offset,
    };
  }

  /**
   * What a person did to grow, newest first: embeds and mentorships they were
   * accepted on, hacks they joined, and their own posts that got filled. One
   * UNION over the per-user indexes (interests_user_idx, memberships_user_idx,
   * posts_owner_idx), paged in SQL.
   */
  async growthActivities(
    user: string,
    page: { limit: number; offset: number },
    viewer: Viewer,
  ): Promise<Page<GrowthActivity>> {
    const ref = user.toLocaleLowerCase();
    const union = this.db('interests as i')
      .where('i.user_ref', ref)
      .where('i.status', 'accepted')
      .select(
        this.db.raw(`'accepted' AS type`),
        'i.post_id AS post_id',
        'i.updated_at AS happened_at',
      )
      .unionAll(qb =>
        qb
          .from('memberships as m')
          .where('m.user_ref', ref)
          .select(
            this.db.raw(`'joined' AS type`),
            'm.post_id AS post_id',
            'm.created_at AS happened_at',
          ),
      )
      .unionAll(qb =>
        qb
          .from('posts as o')
          .where('o.owner', ref)
          .where('o.status', 'filled')
          .select(
            this.db.raw(`'filled' AS type`),
            'o.id AS post_id',
            'o.status_changed_at AS happened_at',
          ),
      );
    const [{ count }] = await this.db
      .from(union.clone().as('a'))
      .count({ count: '*' });
    const rows: Array<{
      type: GrowthActivity['type'];
      post_id: number;
      happened_at: Date | string | number;
    }> = await this.db
      .from(union.as('a'))
      .select('type', 'post_id', 'happened_at')
      .orderBy([
        { column: 'happened_at', order: 'desc' },
        { column: 'post_id', order: 'desc' },
        { column: 'type', order: 'asc' },
      ])
      .limit(page.limit)
      .offset(page.offset);
    const posts = await this.hydrate(
      await this.getPostRows([...new Set(rows.map(r => r.post_id))]),
      viewer,
    );
    return {
      items: rows.flatMap(r => {
        const post = posts.find(p => p.id === r.post_id);
        return post ? [{ type: r.type, at: toIso(r.happened_at), post }] : [];
      }),
      totalItems: Number(count),
      limit: page.limit,
      offset: page.offset,
    };
  }

  /**
   * Adds up the skill profiles of a team's members: per skill, how many have
   * it at each level, can help, learn it, and how many of the team's open
   * posts (embeds for one of `groups`, or posts owned by a member) ask for it.
   * Members are looked up in chunks, so a large group stays within the
   * databases' limits on query parameters.
   */
  async teamSkills(
    group: string,
    groups: string[],
    members: string[],
  ): Promise<TeamSkills> {
    const chunks: string[][] = [];
    for (let i = 0; i < members.length; i += TEAM_CHUNK) {
      chunks.push(members.slice(i, i + TEAM_CHUNK));
    }
    const stats = new Map<
      number,
      Omit<TeamSkillCoverage, 'skill' | 'category' | 'demand'>
    >();
    let profiles = 0;
    for (const chunk of chunks) {
      const [{ count }] = await this.db('profiles')
        .whereIn('user_ref', chunk)
        .count({ count: '*' });
      profiles += Number(count);
      const rows: any[] = await this.db('profile_skills')
        .whereIn('user_ref', chunk)
        .groupBy('skill_id')
        .select(
          'skill_id',
          this.db.raw(
            [
              'SUM(CASE WHEN level IS NOT NULL THEN 1 ELSE 0 END) AS members',
              ...[1, 2, 3, 4, 5].map(
                l => `SUM(CASE WHEN level = ${l} THEN 1 ELSE 0 END) AS l${l}`,
              ),
              'SUM(CASE WHEN can_help THEN 1 ELSE 0 END) AS helpers',
              'SUM(CASE WHEN learning THEN 1 ELSE 0 END) AS learning',
            ].join(', '),
          ),
        );
      for (const r of rows) {
        const s = stats.get(r.skill_id) ?? {
          members: 0,
          levels: [0, 0, 0, 0, 0],
          helpers: 0,
          learning: 0,
        };
        s.members += Number(r.members);
        s.levels = s.levels.map(
          (n, i) => n + Number(r[`l${i + 1}`]),
        ) as TeamSkillCoverage['levels'];
        s.helpers += Number(r.helpers);
        s.learning += Number(r.learning);
        stats.set(r.skill_id, s);
      }
    }

    // The team's open posts: embeds hosted by one of its groups, or posted by a member.
    const postIds = new Set<number>(
      await this.db('posts')
        .where('status', 'open')
        .whereIn('team', groups)
        .pluck('id'),
    );
    for (const chunk of chunks) {
      for (const id of await this.db('posts')
        .where('status', 'open')
        .whereIn('owner', chunk)
        .pluck('id')) {
        postIds.add(id);
      }
    }
    const demand = new Map<number, number>();
    const ids = [...postIds];
    for (let i = 0; i < ids.length; i += TEAM_CHUNK) {
      const rows: any[] = await this.db('post_skills')
        .whereIn('post_id', ids.slice(i, i + TEAM_CHUNK))
        .groupBy('skill_id')
        .select('skill_id')
        .count({ count: '*' });
      for (const r of rows) {
        demand.set(r.skill_id, (demand.get(r.skill_id) ?? 0) + Number(r.count));
      }
    }

    const skillIds = [...new Set([...stats.keys(), ...demand.keys()])];
    const names: Array<{ id: number; name: string; category: SkillCategory }> =
      skillIds.length
        ? await this.db('skills')
            .whereIn('id', skillIds)
            .select('id', 'name', 'category')
        : [];
    /** The sum of members' levels: an Expert counts more than an Advanced. */
    const strength = (s: TeamSkillCoverage) =>
      s.levels.reduce((sum, n, i) => sum + n * (i + 1), 0);
    const skills: TeamSkillCoverage[] = names
      .map(n => ({
        skill: n.name,
        category: n.category,
        members: 0,
        levels: [0, 0, 0, 0, 0] as TeamSkillCoverage['levels'],
        helpers: 0,
        learning: 0,
        ...stats.get(n.id),
        demand: demand.get(n.id) ?? 0,
      }))
      .filter(s => s.members || s.learning || s.demand)
      .sort(
        (a, b) =>
          b.members - a.members ||
          strength(b) - strength(a) ||
          b.demand - a.demand ||
          b.learning - a.learning ||
          a.skill.localeCompare(b.skill),
      );
    return {
      group,
      groups,
      members: members.length,
      profiles,
      skills,
      gaps: skills
        .filter(s => s.demand > 0 && s.members === 0)
        .sort((a, b) => b.demand - a.demand || a.skill.localeCompare(b.skill))
        .map(s => s.skill),
    };
  }

  async countPosts(): Promise<number> {
    const [{ count }] = await this.db('posts').count({ count: '*' });
    return Number(count);
  }

  // -------------------------------------------------------------- matching

  /**
   * People ranked for a post. A person scores their level in each skill of the
   * post, 2 for each of those skills among their learning goals, and 2 when
   * they are open to this kind of post. The owner is left out.
   */
  async matchPeopleForPost(
    postId: number,
    page: { limit: number; offset: number },
  ): Promise<Page<PersonMatch>> {
    const post = await this.getPostRow(postId);
    if (!post) throw new NotFoundError(`No post ${postId}`);
    const skills: Array<{ id: number; name: string }> = await this.db(
      'post_skills as pk',
    )
      .join('skills as s', 's.id', 'pk.skill_id')
      .where('pk.post_id', postId)
      .select('s.id', 's.name');
    const empty = { items: [], totalItems: 0, ...page };
    if (!skills.length) return empty;
    const availability = AVAILABILITY_COLUMN[post.kind];
    const base = this.db('profile_skills as ps')
      .join('post_skills as pk', 'pk.skill_id', 'ps.skill_id')
      .join('profiles as p', 'p.user_ref', 'ps.user_ref')
      .where('pk.post_id', postId)
      .whereNot('ps.user_ref', post.owner.toLocaleLowerCase())
      .groupBy('ps.user_ref', 'p.team');
    const [{ count }] = await this.db
      .from(base.clone().select('ps.user_ref').as('m'))
      .count({ count: '*' });
    const rows: Array<{ user_ref: string; team: string | null; score: any }> =
      await base
        .clone()
        .select(
          'ps.user_ref',
          'p.team',
          this.db.raw(
            `SUM(COALESCE(ps.level, 0)) + 2 * SUM(CASE WHEN ps.learning THEN 1 ELSE 0 END) + MAX(CASE WHEN p.${availability} THEN 2 ELSE 0 END) AS score`,
          ),
        )
        .orderBy([
          { column: 'score', order: 'desc' },
          { column: 'ps.user_ref', order: 'asc' },
        ])
        .limit(page.limit)
        .offset(page.offset);
    if (!rows.length) return { ...empty, totalItems: Number(count) };
    const users = rows.map(r => r.user_ref);
    const details = await this.db('profile_skills as ps')
      .join('profiles as p', 'p.user_ref', 'ps.user_ref')
      .whereIn('ps.user_ref', users)
      .whereIn(
        'ps.skill_id',
        skills.map(s => s.id),
      )
      .select(
        'ps.user_ref',
        'ps.skill_id',
        'ps.level',
        'ps.can_help',
        'ps.learning',
        `p.${availability} as available`,
      );
    return {
      items: rows.map(r => {
        const mine = details.filter(d => d.user_ref === r.user_ref);
        return {
          user: r.user_ref,
          ...(r.team ? { team: r.team } : {}),
          score: Number(r.score),
          reason: explain(skills, mine, toBool(mine[0]?.available), post.kind),
        };
      }),
      totalItems: Number(count),
      ...page,
    };
  }

  /**
   * Open posts ranked for a person: 3 for each skill of the post among their
   * learning goals plus their level in each skill of the post. Their own posts
   * are left out.
   */
  async matchPostsForUser(
    user: string,
    query: { kind?: PostKind; limit: number; offset: number },
  ): Promise<Page<PostMatch>> {
    const page = { limit: query.limit, offset: query.offset };
    const base = this.db('post_skills as pk')
      .join('posts as p', 'p.id', 'pk.post_id')
      .join('profile_skills as ps', join =>
        join.on('ps.skill_id', 'pk.skill_id').andOnVal('ps.user_ref', user),
      )
      .where('p.status', 'open')
      // A completed hack that nobody closed is no longer an opportunity.
      .whereRaw("COALESCE(p.stage, '') <> 'completed'")
      .whereNot('p.owner', user)
      .modify(qb => {
        if (query.kind) qb.where('p.kind', query.kind);
      })
      .groupBy('pk.post_id', 'p.created_at');
    const [{ count }] = await this.db
      .from(base.clone().select('pk.post_id').as('m'))
      .count({ count: '*' });
    const rows: Array<{ post_id: number; score: any }> = await base
      .clone()
      .select(
        'pk.post_id',
        this.db.raw(
          'SUM(CASE WHEN ps.learning THEN 3 ELSE 0 END) + SUM(COALESCE(ps.level, 0)) AS score',
        ),
      )
      .orderBy([
        { column: 'score', order: 'desc' },
        { column: 'p.created_at', order: 'desc' },
        { column: 'pk.post_id', order: 'desc' },
      ])
      .limit(query.limit)
      .offset(query.offset);
    if (!rows.length) return { items: [], totalItems: Number(count), ...page };
    const ids = rows.map(r => r.post_id);
    const posts = await this.hydrate(await this.getPostRows(ids), user);
    const postSkills: Array<{ post_id: number; id: number; name: string }> =
      await this.db('post_skills as pk')
        .join('skills as s', 's.id', 'pk.skill_id')
        .whereIn('pk.post_id', ids)
        .select('pk.post_id', 's.id', 's.name');
    const mySkills = await this.db('profile_skills as ps')
      .join('profiles as p', 'p.user_ref', 'ps.user_ref')
      .where('ps.user_ref', user)
      .select(
        'ps.skill_id',
        'ps.level',
        'ps.can_help',
        'ps.learning',
        'p.open_to_embeds',
        'p.open_to_hacks',
        'p.open_to_mentoring',
      );
    return {
      items: rows.map(r => {
        const post = posts.find(p => p.id === r.post_id)!;
        return {
          post,
          score: Number(r.score),
          reason: explain(
            postSkills.filter(s => s.post_id === r.post_id),
            mySkills,
            toBool(mySkills[0]?.[AVAILABILITY_COLUMN[post.kind]]),
            post.kind,
          ),
        };
      }),
      totalItems: Number(count),
      ...page,
    };
  }

  // -------------------------------------------------------------- insights

  /** Supply and demand per skill, posts per status, time to fill, active users. */
  async insights(options: { top?: number } = {}): Promise<Insights> {
    const countBy = async (query: Knex.QueryBuilder) =>
      new Map<number, number>(
        (await query).map((r: any) => [r.skill_id, Number(r.count)]),
      );
    const supply = await countBy(
      this.db('profile_skills')
        .where('level', '>=', 3)
        .groupBy('skill_id')
        .select('skill_id')
        .count({ count: '*' }),
    );
    const helpers = await countBy(
      this.db('profile_skills')
        .where('can_help', true)
        .groupBy('skill_id')
        .select('skill_id')
        .count({ count: '*' }),
    );
    const learners = await countBy(
      this.db('profile_skills')
        .where('learning', true)
        .groupBy('skill_id')
        .select('skill_id')
        .count({ count: '*' }),
    );
    const demand = await countBy(
      this.db('post_skills as pk')
        .join('posts as p', 'p.id', 'pk.post_id')
        .where('p.status', 'open')
        .groupBy('pk.skill_id')
        .select('pk.skill_id as skill_id')
        .count({ count: '*' }),
    );
    const used = new Set([
      ...supply.keys(),
      ...helpers.keys(),
      ...learners.keys(),
      ...demand.keys(),
    ]);
    const skillRows = used.size
      ? await this.db('skills')
          .whereIn('id', [...used])
          .select('id', 'name', 'category')
      : [];
    const skills: SkillInsight[] = skillRows
      .map(s => {
        const row = {
          skill: s.name as string,
          category: s.category as SkillCategory,
          supply: supply.get(s.id) ?? 0,
          helpers: helpers.get(s.id) ?? 0,
          learners: learners.get(s.id) ?? 0,
          demand: demand.get(s.id) ?? 0,
        };
        return { ...row, gap: row.demand - row.supply };
      })
      .sort(
        (a, b) =>
          b.demand - a.demand ||
          b.supply - a.supply ||
          a.skill.localeCompare(b.skill),
      )
      .slice(0, options.top ?? Number.MAX_SAFE_INTEGER);

    const posts = (
      await this.db('posts')
        .groupBy('kind', 'status')
        .select('kind', 'status')
        .count({ count: '*' })
        .orderBy(['kind', 'status'])
    ).map((r: any) => ({
      kind: r.kind,
      status: r.status,
      count: Number(r.count),
    }));

    const isPg = this.db.client.config.client === 'pg';
    const days = isPg
      ? 'AVG(EXTRACT(EPOCH FROM (status_changed_at - created_at))) / 86400.0'
      : 'AVG(status_changed_at - created_at) / 86400000.0';
    const timeToFill = (
      await this.db('posts')
        .where('status', 'filled')
        .groupBy('kind')
        .select('kind', this.db.raw(`${days} AS mean_days`))
        .count({ count: '*' })
        .orderBy('kind')
    ).map((r: any) => ({
      kind: r.kind,
      filled: Number(r.count),
      meanDays: Math.round(Number(r.mean_days) * 10) / 10,
    }));

    const since = new Date(Date.now() - 30 * 86_400_000);
    const active = await this.db
      .from(
        this.db
          .select('owner as who')
          .from('posts')
          .where('updated_at', '>=', since)
          .union(qb =>
            qb
              .select('user_ref')
              .from('interests')
              .where('updated_at', '>=', since),
          )
          .union(qb =>
            qb
              .select('user_ref')
              .from('memberships')
              .where('created_at', '>=', since),
          )
          .union(qb =>
            qb
              .select('user_ref')
              .from('profiles')
              .where('updated_at', '>=', since),
          )
          .as('a'),
      )
      .count({ count: '*' });

    return {
      skills,
      posts,
      timeToFill,
      monthlyActiveUsers: Number(active[0].count),
    };
  }

  /**
   * People with a skill of the post among their learning goals (not its
   * owner), at most `limit` of them, for "a new post for your goals".
   */
  async learnersOfPost(postId: number, limit = 500): Promise<string[]> {
    const rows = await this.db('profile_skills as ps')
      .join('post_skills as pk', 'pk.skill_id', 'ps.skill_id')
      .join('posts as p', 'p.id', 'pk.post_id')
      .where('pk.post_id', postId)
      .where('ps.learning', true)
      .whereRaw('ps.user_ref <> p.owner')
      .distinct('ps.user_ref')
      .orderBy('ps.user_ref')
      .limit(limit);
    return rows.map(r => r.user_ref);
  }

  // ----------------------------------------------------------- search index

  /** Posts after `afterId` in id order, with their skill names, for the search index. */
  async postsForIndex(afterId: number, limit: number) {
    const rows = await this.db<PostRow>('posts')
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .select('id', 'kind', 'title', 'description', 'status', 'owner', 'team');
    const skills: Array<{ post_id: number; name: string }> = rows.length
      ? await this.db('post_skills as pk')
          .join('skills as s', 's.id', 'pk.skill_id')
          .whereIn(
            'pk.post_id',
            rows.map(r => r.id),
          )
          .orderBy('s.name_lower')
          .select('pk.post_id', 's.name')
      : [];
    return rows.map(r => ({
      ...r,
      skills: skills.filter(s => s.post_id === r.id).map(s => s.name),
    }));
  }

  /** Profiles after `afterRef` in ref order, with levelled skills and goals, for the search index. */
  async profilesForIndex(afterRef: string, limit: number) {
    const rows: Array<{ user_ref: string; bio: string; team: string | null }> =
      await this.db('profiles')
        .where('user_ref', '>', afterRef)
        .orderBy('user_ref')
        .limit(limit)
        .select('user_ref', 'bio', 'team');
    const skills = rows.length
      ? await this.db('profile_skills as ps')
          .join('skills as s', 's.id', 'ps.skill_id')
          .whereIn(
            'ps.user_ref',
            rows.map(r => r.user_ref),
          )
          .orderBy([
            { column: 'ps.level', order: 'desc' },
            { column: 's.name_lower', order: 'asc' },
          ])
          .select(
            'ps.user_ref',
            's.name',
            'ps.level',
            'ps.can_help',
            'ps.learning',
          )
      : [];
    return rows.map(r => {
      const mine = skills.filter(s => s.user_ref === r.user_ref);
      return {
        user: r.user_ref,
        bio: r.bio,
        team: r.team ?? undefined,
        skills: mine
          .filter(s => s.level)
          .map(s => ({
            skill: s.name as string,
            level: s.level as number,
            canHelp: toBool(s.can_help),
          })),
        learning: mine
          .filter(s => toBool(s.learning))
          .map(s => s.name as string),
      };
    });
  }

  /** Interests still pending since before `olderThan`, for reminders. */
  async pendingInterestsOlderThan(
    olderThan: Date,
  ): Promise<Array<Interest & { postOwner: string; postTitle: string }>> {
    const rows = await this.db('interests')
      .join('posts', 'posts.id', 'interests.post_id')
      .where('interests.status', 'pending')
      .where('interests.created_at', '<', olderThan)
      .where('posts.status', 'open')
      .select(
        'interests.*',
        'posts.owner as post_owner',
        'posts.title as post_title',
      );
    return rows.map(r => ({
      ...toInterest(r),
      postOwner: r.post_owner,
      postTitle: r.post_title,
    }));
  }
}

function toInterest(row: InterestRow): Interest {
  return {
    id: row.id,
    postId: row.post_id,
    user: row.user_ref,
    message: row.message,
    status: row.status,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

function toEvent(row: any): HackEvent {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    createdBy: row.created_by,
    organisers: parseRefs(row.organisers),
    version: row.version,
  };
}

function lowerAll(refs: string[]): string[] {
  return [...new Set(refs.map(r => r.toLocaleLowerCase()))].sort();
}

function parseRefs(json: string | null | undefined): string[] {
  try {
    const value = JSON.parse(json ?? '[]');
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}

/** Turns the matched rows of one person and one post into a readable reason. */
function explain(
  postSkills: Array<{ id: number; name: string }>,
  personSkills: Array<{
    skill_id: number;
    level: number | null;
    can_help: boolean | number;
    learning: boolean | number;
  }>,
  available: boolean,
  kind: PostKind,
): MatchReason {
  const matchedSkills: MatchReason['matchedSkills'] = [];
  const learningGoals: string[] = [];
  for (const skill of postSkills) {
    const row = personSkills.find(p => p.skill_id === skill.id);
    if (!row) continue;
    if (row.level) {
      matchedSkills.push({
        skill: skill.name,
        level: row.level,
        canHelp: toBool(row.can_help),
      });
    }
    if (toBool(row.learning)) learningGoals.push(skill.name);
  }
  matchedSkills.sort((a, b) => b.level - a.level);
  const parts: string[] = [];
  if (matchedSkills.length) {
    parts.push(
      matchedSkills.map(s => `${s.skill} at ${levelName(s.level)}`).join(', '),
    );
  }
  if (learningGoals.length) {
    parts.push(`wants to grow ${learningGoals.join(', ')}`);
  }
  if (available) parts.push(`open to ${KIND_NOUN[kind]}`);
  return {
    matchedSkills,
    learningGoals,
    available,
    summary: parts.join('; '),
  };
}
