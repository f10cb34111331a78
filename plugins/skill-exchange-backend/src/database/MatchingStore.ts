import { InputError } from '@backstage/errors';
import type {
  BuddyCandidate,
  BuddyCandidatesQuery,
  CappedPage,
  Expert,
  ExpertsQuery,
  Page,
  Post,
  PostKind,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { Knex } from 'knex';
import { findBuddyCandidates } from './buddyCandidates';
import { findExperts } from './experts';
import { hydratePosts } from './hydratePosts';
import { matchPeopleForPost } from './peopleForPost';
import { AVAILABILITY_COLUMN, PersonSkillRow, toBool } from './rows';
import type { SkillRef, SkillStore } from './SkillStore';

/** What a score is made of, for one person and one post (the service words it). */
export interface MatchEvidence {
  postSkills: SkillRef[];
  personSkills: PersonSkillRow[];
  available: boolean;
  kind: PostKind;
}

export interface PersonCandidate {
  user: string;
  team?: string;
  score: number;
  evidence: MatchEvidence;
}

export interface PostCandidate {
  post: Post;
  score: number;
  evidence: MatchEvidence;
}

type PageRequest = { limit: number; offset: number };

/** How many of the newest eligible posts of each skill "posts for me" scores. */
export const CANDIDATES_PER_SKILL = 200;

/**
 * The distinct posts among the first `cap` rows of each skill, and whether
 * some skill had more (the rows hold up to `cap` + 1 per skill).
 */
export function collectCandidates(
  rows: Array<{ skill_id: number; post_id: number }>,
  cap: number,
): { ids: number[]; more: boolean } {
  const perSkill = new Map<number, number>();
  const ids = new Set<number>();
  let more = false;
  for (const row of rows) {
    const n = (perSkill.get(row.skill_id) ?? 0) + 1;
    perSkill.set(row.skill_id, n);
    if (n > cap) more = true;
    else ids.add(row.post_id);
  }
  return { ids: [...ids], more };
}

/**
 * Posts that may be offered to `user` (posts `p`): open, not a completed
 * hack, not their own, not one they already applied to (an interest they
 * did not withdraw) or joined, of `kind` when given. The two NOT EXISTS
 * read the (post_id, user_ref) keys of interests and memberships.
 */
function eligiblePosts(
  qb: Knex.QueryBuilder,
  user: string,
  kind: PostKind | undefined,
) {
  qb.where('p.status', 'open')
    .whereNull('p.hidden_at')
    // A completed hack that nobody closed is no longer an opportunity.
    .whereRaw("COALESCE(p.stage, '') <> 'completed'")
    .whereNot('p.owner', user)
    .whereNotExists(sub =>
      sub
        .from('interests as i')
        .whereRaw('i.post_id = p.id')
        .where('i.user_ref', user)
        .whereNot('i.status', 'withdrawn')
        .select('i.id'),
    )
    .whereNotExists(sub =>
      sub
        .from('memberships as m')
        .whereRaw('m.post_id = p.id')
        .where('m.user_ref', user)
        .select('m.post_id'),
    );
  if (kind) qb.where('p.kind', kind);
}

/** Ranking people for posts, posts for people, and experts by skill, in SQL. */
export interface MatchingStore {
  /**
   * People ranked for a post: their level in each skill of the post, 2 for
   * each of those skills among their learning goals, and 2 when they are
   * open to this kind of post. The owner is left out. One statement
   * (peopleForPost.ts).
   */
  matchPeopleForPost(
    postId: number,
    page: PageRequest,
  ): Promise<Page<PersonCandidate>>;
  /**
   * Open posts ranked for a person: 3 for each skill of the post among their
   * learning goals plus their level in each skill of the post. Their own
   * posts are left out. Candidates are bounded: the newest
   * `candidatesPerSkill` (at least offset + limit) eligible posts of each of
   * the person's skills, read from the (skill, post) index; those are scored
   * exactly. When a skill has more, the total is a lower bound.
   */
  matchPostsForUser(
    user: string,
    query: PageRequest & { kind?: PostKind },
  ): Promise<CappedPage<PostCandidate>>;
  /** People with every requested skill at `minLevel` or more, best first. */
  findExperts(query: ExpertsQuery): Promise<Page<Expert>>;
  /** Onboarding buddy candidates of a discipline, best first (see buddyCandidates.ts). */
  findBuddyCandidates(query: BuddyCandidatesQuery): Promise<BuddyCandidate[]>;
}

export class KnexMatchingStore implements MatchingStore {
  static create(
    db: Knex,
    skills: SkillStore,
    options: { candidatesPerSkill?: number } = {},
  ): KnexMatchingStore {
    return new KnexMatchingStore(
      db,
      skills,
      options.candidatesPerSkill ?? CANDIDATES_PER_SKILL,
    );
  }

  private constructor(
    private readonly db: Knex,
    private readonly skills: SkillStore,
    private readonly candidatesPerSkill: number,
  ) {}

  async matchPeopleForPost(
    postId: number,
    page: PageRequest,
  ): Promise<Page<PersonCandidate>> {
    const { post, skills, ranked, totalItems, details } =
      await matchPeopleForPost(this.db, postId, page);
    return {
      items: ranked.map(r => {
        const mine = details.filter(d => d.user_ref === r.user_ref);
        return {
          user: r.user_ref,
          ...(r.team ? { team: r.team } : {}),
          score: r.score,
          evidence: {
            postSkills: skills,
            personSkills: mine,
            available: toBool(mine[0]?.available),
            kind: post.kind,
          },
        };
      }),
      totalItems,
      ...page,
    };
  }

  /**
   * The candidates of "posts for me": per skill of `user`, the newest `cap`
   * eligible posts (walking the (skill_id, post_id) index backwards), in one
   * UNION ALL query; `more` when a skill has more than `cap`.
   */
  private async candidatePosts(
    user: string,
    cap: number,
    kind: PostKind | undefined,
  ): Promise<{ ids: number[]; more: boolean }> {
    const skillIds: number[] = await this.db('profile_skills')
      .where('user_ref', user)
      .orderBy('skill_id')
      .pluck('skill_id');
    if (!skillIds.length) return { ids: [], more: false };
    const perSkill = skillIds.map(skillId =>
      this.db.select('*').from(
        this.db('post_skills as pk')
          .join('posts as p', 'p.id', 'pk.post_id')
          .where('pk.skill_id', skillId)
          .modify(qb => eligiblePosts(qb, user, kind))
          .orderBy('pk.post_id', 'desc')
          .limit(cap + 1)
          .select('pk.skill_id', 'pk.post_id')
          .as(`s${skillId}`),
      ),
    );
    // No parentheses around the parts: SQLite does not accept them.
    const [first, ...rest] = perSkill;
    const rows: Array<{ skill_id: number; post_id: number }> = rest.length
      ? await first.unionAll(rest)
      : await first;
    return collectCandidates(rows, cap);
  }

  async matchPostsForUser(
    user: string,
    query: PageRequest & { kind?: PostKind },
  ): Promise<CappedPage<PostCandidate>> {
    const page = { limit: query.limit, offset: query.offset };
    const candidates = await this.candidatePosts(
      user,
      Math.max(this.candidatesPerSkill, query.offset + query.limit),
      query.kind,
    );
    const totalItems = candidates.ids.length;
    const bound = candidates.more ? { totalIsLowerBound: true } : {};
    if (!totalItems) return { items: [], totalItems, ...bound, ...page };
    const rows: Array<{ post_id: number; score: any }> = await this.db(
      'post_skills as pk',
    )
      .join('posts as p', 'p.id', 'pk.post_id')
      .join('profile_skills as ps', join =>
        join.on('ps.skill_id', 'pk.skill_id').andOnVal('ps.user_ref', user),
      )
      .whereIn('pk.post_id', candidates.ids)
      .groupBy('pk.post_id', 'p.created_at')
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
    if (!rows.length) return { items: [], totalItems, ...bound, ...page };
    const ids = rows.map(r => r.post_id);
    const posts = await hydratePosts(
      this.db,
      await this.db('posts').whereIn('id', ids),
      user,
    );
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
          evidence: {
            postSkills: postSkills.filter(s => s.post_id === r.post_id),
            personSkills: mySkills,
            available: toBool(mySkills[0]?.[AVAILABILITY_COLUMN[post.kind]]),
            kind: post.kind,
          },
        };
      }),
      totalItems,
      ...bound,
      ...page,
    };
  }

  async findExperts(query: ExpertsQuery): Promise<Page<Expert>> {
    const skills = await this.skills.resolveSkills(query.skills);
    if (!skills.length) {
      throw new InputError('skills: name at least one skill');
    }
    return findExperts(this.db, skills, query);
  }

  findBuddyCandidates(query: BuddyCandidatesQuery) {
    return findBuddyCandidates(this.db, this.skills, query);
  }
}
