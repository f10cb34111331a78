import type { Post } from '@onramp/backstage-plugin-skill-exchange-common';
import { Knex } from 'knex';
import { InterestRow, PostRow, SlotRow, toPost } from './rows';

/** Who is looking: adds saved/following/myInterest to posts. */
export type Viewer = string | undefined;

/**
 * Adds skills, counts and the viewer's relations to a page of post rows, in
 * a fixed number of queries whatever the page size.
 */
export async function hydratePosts(
  db: Knex,
  rows: PostRow[],
  viewer: Viewer,
): Promise<Post[]> {
  if (!rows.length) return [];
  const ids = rows.map(r => r.id);
  const mine = (table: string) =>
    viewer
      ? db(table).whereIn('post_id', ids).where('user_ref', viewer)
      : Promise.resolve([]);
  const countPerPost = (query: Knex.QueryBuilder) =>
    query.groupBy('post_id').select('post_id').count({ n: '*' });
  const [
    skills,
    interestCounts,
    saves,
    follows,
    followerCounts,
    members,
    myInterests,
    slots,
  ]: Array<any[]> = await Promise.all([
    db('post_skills')
      .join('skills', 'skills.id', 'post_skills.skill_id')
      .whereIn('post_skills.post_id', ids)
      .orderBy('skills.name_lower')
      .select('post_skills.post_id', 'skills.name'),
    countPerPost(
      db('interests')
        .whereIn('post_id', ids)
        .whereIn('status', ['pending', 'accepted'])
        .groupBy('status')
        .select('status'),
    ),
    mine('saves'),
    mine('follows'),
    countPerPost(db('follows').whereIn('post_id', ids)),
    db('memberships')
      .whereIn('post_id', ids)
      .orderBy('created_at')
      .select('post_id', 'user_ref'),
    mine('interests'),
    db('pairing_slots')
      .whereIn(
        'post_id',
        rows.filter(r => r.kind === 'pairing').map(r => r.id),
      )
      .orderBy(['post_id', 'starts_at', 'id']),
  ]);
  const count = (
    list: Array<{ post_id: number; n: unknown; status?: string }>,
    id: number,
    status?: string,
  ) =>
    list
      .filter(c => c.post_id === id && (!status || c.status === status))
      .reduce((sum, c) => sum + Number(c.n), 0);
  const has = (list: Array<{ post_id: number }>, id: number) =>
    list.some(r => r.post_id === id);
  return rows.map(row =>
    toPost(row, {
      skills: skills.filter(s => s.post_id === row.id).map(s => s.name),
      interestCount: count(interestCounts, row.id),
      acceptedCount: count(interestCounts, row.id, 'accepted'),
      saved: has(saves, row.id),
      following: has(follows, row.id),
      followerCount: count(followerCounts, row.id),
      members: members
        .filter(m => m.post_id === row.id)
        .map(m => m.user_ref as string),
      myInterest: (myInterests as InterestRow[]).find(
        i => i.post_id === row.id,
      ),
      slots: (slots as SlotRow[]).filter(s => s.post_id === row.id),
    }),
  );
}
