import { NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { AVAILABILITY_COLUMN, PersonSkillRow, PostRow } from './rows';
import type { SkillRef } from './SkillStore';

/** The bonus for being open to the post's kind. */
const AVAILABLE_BONUS = 2;

/** One person's row of the ranking, with their exact score. */
export interface RankedPerson {
  user_ref: string;
  team: string | null;
  score: number;
}

/**
 * The ranking of people for a post, a page of it, and its total, in one
 * statement:
 *
 * 1. `sums`: each person's share of the skills of the post (their level in
 *    each, +2 for each among their learning goals), read from
 *    `profile_skills` alone, which `profile_skills_match_idx` covers
 *    (migration 20261215010000), with no join.
 * 2. `cut`: the share of the person at place offset + limit.
 * 3. Only people within the availability bonus of that share can be on the
 *    page (anyone below scores less than all who are above it), so only
 *    they are joined to `profiles` and ranked by their whole score.
 *
 * Before, every person with a skill of the post was joined to `profiles`
 * and ranked (100k posts: 4,442 people; 1M posts: 16,666 to 29,125).
 */
const RANKING = `
WITH sums AS (
  SELECT ps.user_ref,
    SUM(COALESCE(ps.level, 0) + CASE WHEN ps.learning THEN 2 ELSE 0 END) AS share
  FROM profile_skills ps
  WHERE ps.skill_id IN (SELECT pk.skill_id FROM post_skills pk WHERE pk.post_id = ?)
    AND ps.user_ref <> ?
  GROUP BY ps.user_ref
),
cut AS (SELECT share FROM sums ORDER BY share DESC LIMIT 1 OFFSET ?)
SELECT s.user_ref, p.team,
  s.share + CASE WHEN p.:availability: THEN ${AVAILABLE_BONUS} ELSE 0 END AS score,
  (SELECT COUNT(*) FROM sums) AS total
FROM sums s
JOIN profiles p ON p.user_ref = s.user_ref
WHERE s.share >= COALESCE((SELECT share FROM cut), 0) - ${AVAILABLE_BONUS}
ORDER BY score DESC, s.user_ref ASC
LIMIT ? OFFSET ?`;

/**
 * The statement (RANKING) for a post of `kind`; its bindings: the post's
 * id, its owner, offset + limit - 1, limit, offset.
 */
export const peopleRanking = (kind: PostRow['kind']) =>
  RANKING.replace(':availability:', AVAILABILITY_COLUMN[kind]);

/** How many people share a skill with the post (for a page past the end). */
const COUNT = `
SELECT COUNT(DISTINCT ps.user_ref) AS total
FROM profile_skills ps
WHERE ps.skill_id IN (SELECT pk.skill_id FROM post_skills pk WHERE pk.post_id = ?)
  AND ps.user_ref <> ?`;

/** The rows a raw statement returned, on either database. */
const rowsOf = (result: any): any[] =>
  Array.isArray(result) ? result : result.rows;

/** People for a post: a page of the ranking, its total and the people's skill rows. */
export async function matchPeopleForPost(
  db: Knex,
  postId: number,
  page: { limit: number; offset: number },
): Promise<{
  post: PostRow;
  skills: SkillRef[];
  ranked: RankedPerson[];
  totalItems: number;
  details: Array<
    PersonSkillRow & { user_ref: string; available: boolean | number | null }
  >;
}> {
  const post = await db<PostRow>('posts').where('id', postId).first();
  if (!post) throw new NotFoundError(`No post ${postId}`);
  const skills: SkillRef[] = await db('post_skills as pk')
    .join('skills as s', 's.id', 'pk.skill_id')
    .where('pk.post_id', postId)
    .select('s.id', 's.name');
  if (!skills.length) {
    return { post, skills, ranked: [], totalItems: 0, details: [] };
  }
  const owner = post.owner.toLocaleLowerCase();
  const availability = AVAILABILITY_COLUMN[post.kind];
  const rows = rowsOf(
    await db.raw(peopleRanking(post.kind), [
      postId,
      owner,
      page.offset + page.limit - 1,
      page.limit,
      page.offset,
    ]),
  );
  const totalItems = rows.length
    ? Number(rows[0].total)
    : Number(rowsOf(await db.raw(COUNT, [postId, owner]))[0].total);
  const ranked: RankedPerson[] = rows.map(r => ({
    user_ref: r.user_ref,
    team: r.team,
    score: Number(r.score),
  }));
  const details = ranked.length
    ? await db('profile_skills as ps')
        .join('profiles as p', 'p.user_ref', 'ps.user_ref')
        .whereIn(
          'ps.user_ref',
          ranked.map(r => r.user_ref),
        )
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
        )
    : [];
  return { post, skills, ranked, totalItems, details };
}
