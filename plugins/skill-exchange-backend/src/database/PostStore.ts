import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type {
  ListPostsQuery,
  Post,
  PostPage,
  PostInput,
  PostStatus,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { Knex } from 'knex';
import { hydratePosts, Viewer } from './hydratePosts';
import {
  cappedTotal,
  EXACT_TOTAL_UP_TO,
  matchText,
  pageOfPosts,
} from './postSearch';
import {
  countAccepted,
  lockPost,
  nextStatus,
  pendingPeople,
  placesOf,
  tooFewPlaces,
} from './places';
import { checkHackEvent } from './eventRules';
import { writeSlots } from './PairingStore';
import { insertedId, postColumns, PostRow } from './rows';
import type { SkillStore } from './SkillStore';

/**
 * A post as permission rules see it: its row plus its hack members.
 *
 * @public
 */
export type PostResource = PostRow & { members: string[] };

/** Posts (embeds, hacks, mentorships, pairing sessions) with their skills. */
export interface PostStore {
  createPost(owner: string, input: PostInput): Promise<Post>;
  getPost(id: number, viewer: Viewer): Promise<Post | undefined>;
  getPostRow(id: number): Promise<PostRow | undefined>;
  getPostRows(ids: number[]): Promise<PostRow[]>;
  /** Posts with their hack members, as permission rules see them. */
  getPostResources(ids: number[]): Promise<PostResource[]>;
  /**
   * Replaces a post; 404 for an unknown id, 409 for a stale version. When
   * the edit filled it (places lowered to the people accepted), the people
   * whose interest is still pending, read in the same transaction.
   */
  updatePost(
    id: number,
    input: PostInput,
    version: number,
    viewer: string,
  ): Promise<{ post: Post; stillPending: string[] }>;
  setPostStatus(
    id: number,
    status: PostStatus,
    version: number,
    viewer: string,
  ): Promise<Post>;
  deletePost(id: number): Promise<void>;
  /**
   * A page of posts; with `q`, only posts matching it (full text over title,
   * skill names and aliases, description), best first unless sorted otherwise.
   * Totals above `exactTotalUpTo` are capped and marked `totalIsLowerBound`.
   */
  listPosts(query: ListPostsQuery, viewer: Viewer): Promise<PostPage>;
  countPosts(): Promise<number>;
  /**
   * People with a skill of the post among their learning goals (not its
   * owner), at most `limit` of them, for "a new post for your goals".
   */
  learnersOfPost(postId: number, limit?: number): Promise<string[]>;
}

const SORTS: Record<
  string,
  Array<{ column: string; order: 'asc' | 'desc' }>
> = {
  updated: [
    { column: 'posts.updated_at', order: 'desc' },
    { column: 'posts.id', order: 'desc' },
  ],
  title: [
    { column: 'posts.title_lower', order: 'asc' },
    { column: 'posts.id', order: 'asc' },
  ],
  newest: [
    { column: 'posts.created_at', order: 'desc' },
    { column: 'posts.id', order: 'desc' },
  ],
};

export class KnexPostStore implements PostStore {
  static create(
    db: Knex,
    skills: SkillStore,
    options: { exactTotalUpTo?: number } = {},
  ): KnexPostStore {
    return new KnexPostStore(
      db,
      skills,
      options.exactTotalUpTo ?? EXACT_TOTAL_UP_TO,
    );
  }

  private constructor(
    private readonly db: Knex,
    private readonly skills: SkillStore,
    private readonly exactTotalUpTo: number,
  ) {}

  async createPost(owner: string, input: PostInput): Promise<Post> {
    const id = await this.db.transaction(async tx => {
      const skills = await this.skills.resolveSkills(input.skills, tx);
      await checkHackEvent(tx, input);
      const now = new Date();
      const [inserted] = await tx('posts')
        .insert({
          ...postColumns(input),
          status: 'open',
          owner,
          created_at: now,
          updated_at: now,
          status_changed_at: now,
          version: 1,
          member_count: 0,
        })
        .returning('id');
      const postId = insertedId(inserted);
      if (skills.length) {
        await tx('post_skills').insert(
          skills.map(s => ({ post_id: postId, skill_id: s.id })),
        );
      }
      if (input.kind === 'pairing') await writeSlots(tx, postId, input.slots);
      return postId;
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
    const [post] = await hydratePosts(this.db, [row], viewer);
    return post;
  }

  async getPostResources(ids: number[]): Promise<PostResource[]> {
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
  ): Promise<{ post: Post; stillPending: string[] }> {
    const stillPending = await this.db.transaction(async tx => {
      // Locked like an accept, so the places checked are the places taken.
      const current = await lockPost(tx, id);
      if (current.kind !== input.kind) {
        throw new InputError(
          `kind: a ${current.kind} cannot become a ${input.kind}`,
        );
      }
      const skills = await this.skills.resolveSkills(input.skills, tx);
      await checkHackEvent(tx, input, current);
      const columns = postColumns(input);
      const status = await this.statusAfterEdit(tx, current, columns);
      const changed = await tx('posts')
        .where({ id, version })
        .update({
          ...columns,
          ...(status ? { status, status_changed_at: new Date() } : {}),
          updated_at: new Date(),
          version: tx.raw('?? + 1', ['version']),
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
      if (input.kind === 'pairing') await writeSlots(tx, id, input.slots);
      return status === 'filled' ? pendingPeople(tx, id) : [];
    });
    return { post: (await this.getPost(id, viewer))!, stillPending };
  }

  /**
   * 409 when the edit leaves fewer places than people accepted; otherwise
   * the status the new places call for (filled, open again), if any.
   */
  private async statusAfterEdit(
    tx: Knex,
    current: PostRow,
    columns: ReturnType<typeof postColumns>,
  ): Promise<PostStatus | undefined> {
    const before = placesOf(current);
    const places = placesOf({ ...current, ...columns });
    if (before === undefined || places === undefined) return undefined;
    const accepted = await countAccepted(tx, current.id);
    if (places < accepted) throw tooFewPlaces(current, places, accepted);
    return nextStatus(
      current.status,
      { accepted, places: before },
      { accepted, places },
    );
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
        version: this.db.raw('?? + 1', ['version']),
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

  async listPosts(query: ListPostsQuery, viewer: Viewer): Promise<PostPage> {
    // Posts a moderator hid are listed nowhere.
    const q = this.db<PostRow>('posts').whereNull('posts.hidden_at');
    const equal = {
      kind: query.kind,
      status: query.status,
      stage: query.stage,
      hack_category: query.category,
      mode: query.mode,
      level: query.level,
      location: query.location,
      team: query.team?.toLocaleLowerCase(),
      event_id: query.eventId,
    };
    for (const [column, value] of Object.entries(equal)) {
      if (value) q.where(`posts.${column}`, value);
    }
    const byRelevance = query.q ? matchText(this.db, q, query.q) : undefined;
    if (query.skills?.length) {
      const ids = (await this.skills.resolveSkills(query.skills)).map(
        s => s.id,
      );
      if (query.skillsMatch === 'all') {
        q.whereRaw(
          `(SELECT COUNT(*) FROM post_skills ps WHERE ps.post_id = posts.id AND ps.skill_id IN (${ids
            .map(() => '?')
            .join(',')})) = ?`,
          [...ids, ids.length],
        );
      } else {
        q.whereIn(
          'posts.id',
          this.db('post_skills as ps')
            .select('ps.post_id')
            .whereIn('ps.skill_id', ids),
        );
      }
    }
    // `posts.id IN (...)`, not EXISTS, here and for the skills above: SQLite
    // then reads the few post ids from the (skill_id | user_ref, post_id)
    // index instead of probing it once per post (100k posts, a skill's
    // count and page: 149 -> 6 ms). PostgreSQL plans both as one semi-join.
    const mine = (table: string) =>
      this.db(`${table} as rel`)
        .select('rel.post_id')
        .where('rel.user_ref', viewer ?? '');
    if (query.owner) {
      q.where(
        'posts.owner',
        query.owner === 'me' ? viewer ?? '' : query.owner.toLocaleLowerCase(),
      );
    }
    if (query.saved === 'me') q.whereIn('posts.id', mine('saves'));
    if (query.following === 'me') q.whereIn('posts.id', mine('follows'));
    if (query.member === 'me') q.whereIn('posts.id', mine('memberships'));
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

    // The count and the page on two connections at once (PostgreSQL; SQLite
    // has one and queues them): the count clones the query before the page
    // orders it.
    const counted = cappedTotal(this.db, q, this.exactTotalUpTo);
    const sort = query.sort ?? (byRelevance ? 'relevance' : 'newest');
    if (sort === 'relevance' && byRelevance) {
      byRelevance(q);
      q.orderBy(SORTS.newest);
    } else if (sort === 'start') {
      q.orderByRaw('CASE WHEN posts.start IS NULL THEN 1 ELSE 0 END')
        .orderBy('posts.start', 'asc')
        .orderBy('posts.id', 'asc');
    } else {
      q.orderBy(SORTS[sort] ?? SORTS.newest);
    }
    const [total, rows] = await Promise.all([
      counted,
      pageOfPosts(this.db, q, query),
    ]);
    return {
      items: await hydratePosts(this.db, rows, viewer),
      ...total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  async countPosts(): Promise<number> {
    const [{ count }] = await this.db('posts').count({ count: '*' });
    return Number(count);
  }

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
}
