import { ConflictError } from '@backstage/errors';
import type {
  PostKind,
  Retro,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { Knex } from 'knex';
import type { SkillRef } from './SkillStore';
import { insertedId, isUniqueViolation, PostRow, toIso } from './rows';

/**
 * A post someone was on, with what decides whether it is over: the post's
 * row and who took part (the owner counts when somebody else took part, or
 * always for a hack they run).
 */
export interface Stint {
  post: StintRow;
  /** Everyone on it, owner first (user refs lower-cased). */
  people: string[];
}

const DAY = 86_400_000;

/** A post's row, and for a booked pairing session when its slot ends. */
export type StintRow = PostRow & { session_ends_at?: Date | string | null };

/** How far back the ask job looks for stints that ended. */
export const ASK_WINDOW_DAYS = 30;

/** Retros after stints, and whom the ask job already asked. */
export interface RetroStore {
  /** Every post the person was on (owned with others, accepted on, a hack member). */
  stintsOf(user: string): Promise<Stint[]>;
  /** One post and its people; undefined when there is no such post. */
  stint(postId: number): Promise<Stint | undefined>;
  /** Posts that may have ended within the window (the caller decides which did). */
  recentlyEndedCandidates(now: Date): Promise<Stint[]>;
  /** Records that these people were asked; returns those not asked before. */
  recordAsks(postId: number, users: string[]): Promise<string[]>;
  /** Writes a retro once per person and post: a second one is a 409. */
  write(
    post: PostRow,
    user: string,
    input: { skills: SkillRef[]; usefulness: number; comment: string },
  ): Promise<Retro>;
  get(postId: number, user: string): Promise<Retro | undefined>;
  /** The ids of the posts whose retro the person wrote. */
  writtenBy(user: string): Promise<Set<number>>;
  /** The people who wrote a retro of the post. */
  writersOf(postId: number): Promise<Set<string>>;
  /** Each skill the person said they practised, per retro (evidence). */
  practisedBy(
    user: string,
  ): Promise<Array<{ postId: number; skillId: number; at: string }>>;
  /** Answers per kind or per skill and usefulness. */
  usefulnessCounts(
    by: 'kind' | 'skill',
  ): Promise<Array<{ group: string; usefulness: number; n: number }>>;
}

export class KnexRetroStore implements RetroStore {
  static create(db: Knex): KnexRetroStore {
    return new KnexRetroStore(db);
  }

  private constructor(private readonly db: Knex) {}

  /** The people on each post: owner (when someone else is on it, or a hack), accepted, members. */
  private async withPeople(rows: StintRow[]): Promise<Stint[]> {
    if (!rows.length) return [];
    const ids = rows.map(r => r.id);
    const accepted = await this.db('interests')
      .whereIn('post_id', ids)
      .where('status', 'accepted')
      .select('post_id', 'user_ref');
    const members = await this.db('memberships')
      .whereIn('post_id', ids)
      .select('post_id', 'user_ref');
    // A pairing session's booker, with when the booked slot ends.
    const bookings = await this.db('pairing_slots')
      .whereIn('post_id', ids)
      .whereNotNull('booked_by')
      .select('post_id', 'booked_by as user_ref', 'ends_at');
    for (const b of bookings) {
      const post = rows.find(r => r.id === b.post_id);
      if (post) post.session_ends_at = b.ends_at;
    }
    const others = [...accepted, ...members, ...bookings];
    return rows.flatMap(post => {
      const owner = post.owner.toLocaleLowerCase();
      const rest = others
        .filter(o => o.post_id === post.id)
        .map(o => (o.user_ref as string).toLocaleLowerCase())
        .filter(u => u !== owner);
      const people = rest.length || post.kind === 'hack' ? [owner] : [];
      people.push(...new Set(rest));
      return people.length ? [{ post, people }] : [];
    });
  }

  async stintsOf(user: string): Promise<Stint[]> {
    const ref = user.toLocaleLowerCase();
    const ids = new Set<number>();
    const add = (rows: Array<{ id: number }>) =>
      rows.forEach(r => ids.add(Number(r.id)));
    add(
      await this.db('interests')
        .where({ user_ref: ref, status: 'accepted' })
        .select('post_id as id'),
    );
    add(
      await this.db('memberships')
        .where('user_ref', ref)
        .select('post_id as id'),
    );
    add(
      await this.db('pairing_slots')
        .where('booked_by', ref)
        .select('post_id as id'),
    );
    add(await this.db('posts').where('owner', ref).select('id'));
    const rows = await this.db<PostRow>('posts').whereIn('id', [...ids]);
    const stints = await this.withPeople(rows);
    return stints.filter(s => s.people.includes(ref));
  }

  async stint(postId: number): Promise<Stint | undefined> {
    const row = await this.db<PostRow>('posts').where('id', postId).first();
    if (!row) return undefined;
    const [stint] = await this.withPeople([row]);
    return stint ?? { post: row, people: [] };
  }

  async recentlyEndedCandidates(now: Date): Promise<Stint[]> {
    const since = new Date(now.getTime() - ASK_WINDOW_DAYS * DAY);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const rows = await this.db<PostRow>('posts')
      .where(q =>
        q.where('status', 'closed').andWhere('status_changed_at', '>=', since),
      )
      .orWhere(q =>
        q
          .where({ kind: 'hack', stage: 'completed' })
          .andWhere('updated_at', '>=', since),
      )
      // An embed runs at most 52 weeks: it may have ended in the window
      // when it started between 53 weeks before the window and today. Starts
      // are dates or quarters (2027-Q1), so the upper bound is next year.
      .orWhere(q =>
        q
          .where('kind', 'embed')
          .whereIn('status', ['open', 'filled'])
          .andWhere('start', '>=', day(new Date(since.getTime() - 371 * DAY)))
          .andWhere('start', '<', String(now.getUTCFullYear() + 1)),
      )
      // A pairing session whose booked slot ended in the window.
      .orWhereIn(
        'id',
        this.db('pairing_slots')
          .whereNotNull('booked_by')
          .whereBetween('ends_at', [since, now])
          .select('post_id'),
      )
      .limit(2_000);
    return this.withPeople(rows);
  }

  async recordAsks(postId: number, users: string[]): Promise<string[]> {
    if (!users.length) return [];
    const asked = new Date();
    const inserted: string[] = [];
    // One insert per person: the key decides which replica asked first.
    for (const user of users) {
      const rows = await this.db('retro_asks')
        .insert({ post_id: postId, user_ref: user, asked_at: asked })
        .onConflict(['post_id', 'user_ref'])
        .ignore()
        .returning('user_ref');
      if (rows.length) inserted.push(user);
    }
    return inserted;
  }

  async write(
    post: PostRow,
    user: string,
    input: { skills: SkillRef[]; usefulness: number; comment: string },
  ): Promise<Retro> {
    const ref = user.toLocaleLowerCase();
    try {
      await this.db.transaction(async tx => {
        const [inserted] = await tx('retros')
          .insert({
            post_id: post.id,
            user_ref: ref,
            kind: post.kind,
            usefulness: input.usefulness,
            comment: input.comment,
            created_at: new Date(),
          })
          .returning('id');
        const id = insertedId(inserted);
        if (input.skills.length) {
          await tx('retro_skills').insert(
            input.skills.map(s => ({ retro_id: id, skill_id: s.id })),
          );
        }
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const earlier = await this.get(post.id, ref);
      throw new ConflictError(
        `You wrote the retro of "${post.title}" on ${earlier?.createdAt.slice(
          0,
          10,
        )}; a retro is written once`,
      );
    }
    return (await this.get(post.id, ref))!;
  }

  async get(postId: number, user: string): Promise<Retro | undefined> {
    const row = await this.db('retros')
      .where({ post_id: postId, user_ref: user.toLocaleLowerCase() })
      .first();
    if (!row) return undefined;
    const skills = await this.db('retro_skills')
      .join('skills', 'skills.id', 'retro_skills.skill_id')
      .where('retro_skills.retro_id', row.id)
      .orderBy('skills.name')
      .pluck('skills.name');
    return {
      postId: Number(row.post_id),
      kind: row.kind as PostKind,
      skills,
      usefulness: Number(row.usefulness),
      comment: row.comment,
      createdAt: toIso(row.created_at),
    };
  }

  async writtenBy(user: string): Promise<Set<number>> {
    const ids = await this.db('retros')
      .where('user_ref', user.toLocaleLowerCase())
      .pluck('post_id');
    return new Set(ids.map(Number));
  }

  async writersOf(postId: number): Promise<Set<string>> {
    return new Set(
      await this.db('retros').where('post_id', postId).pluck('user_ref'),
    );
  }

  async practisedBy(user: string) {
    const rows = await this.db('retros')
      .join('retro_skills', 'retro_skills.retro_id', 'retros.id')
      .where('retros.user_ref', user.toLocaleLowerCase())
      .select('retros.post_id', 'retro_skills.skill_id', 'retros.created_at');
    return rows.map(r => ({
      postId: Number(r.post_id),
      skillId: Number(r.skill_id),
      at: toIso(r.created_at),
    }));
  }

  async usefulnessCounts(by: 'kind' | 'skill') {
    const column = by === 'kind' ? 'retros.kind' : 'skills.name';
    const q =
      by === 'kind'
        ? this.db('retros')
        : this.db('retros')
            .join('retro_skills', 'retro_skills.retro_id', 'retros.id')
            .join('skills', 'skills.id', 'retro_skills.skill_id');
    const rows = await q
      .select({ group: column, usefulness: 'retros.usefulness' })
      .count({ n: '*' })
      .groupBy(column, 'retros.usefulness');
    return (rows as Array<Record<string, unknown>>).map(r => ({
      group: String(r.group),
      usefulness: Number(r.usefulness),
      n: Number(r.n),
    }));
  }
}
