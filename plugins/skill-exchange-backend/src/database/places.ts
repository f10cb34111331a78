/**
 * The places of an embed (`headcount`) or a mentorship (`capacity`): how many
 * people may be accepted, and the post status that follows from it.
 *
 * Every change of an accepted count or a limit runs in one transaction that
 * first locks the post row (`lockPost`): on PostgreSQL `SELECT ... FOR
 * UPDATE` makes racing accepts, withdrawals and edits of one post, on any
 * replica, wait for each other, so each counts what the one before it wrote.
 * On SQLite knex leaves the lock out; the single write connection already
 * runs those transactions one after the other.
 */
import { ConflictError, NotFoundError } from '@backstage/errors';
import type { PostStatus } from '@onramp/backstage-plugin-skill-exchange-common';
import { Knex } from 'knex';
import { PostRow } from './rows';

/** The post row, locked until the transaction ends; 404 when it is gone. */
export async function lockPost(tx: Knex, postId: number): Promise<PostRow> {
  const post = await tx<PostRow>('posts')
    .where('id', postId)
    .forUpdate()
    .first();
  if (!post) throw new NotFoundError(`No post ${postId}`);
  return post;
}

/** How many people are accepted on a post. */
export async function countAccepted(tx: Knex, postId: number) {
  const [{ n }] = await tx('interests')
    .where({ post_id: postId, status: 'accepted' })
    .count({ n: '*' });
  return Number(n);
}

/** Who is still waiting for an answer on a post. */
export async function pendingPeople(tx: Knex, postId: number) {
  const rows = await tx('interests')
    .where({ post_id: postId, status: 'pending' })
    .orderBy('id')
    .select('user_ref');
  return rows.map(r => r.user_ref as string);
}

/** The number of places (embeds, mentorships); undefined for hacks. */
export function placesOf(
  post: Pick<PostRow, 'kind' | 'headcount' | 'capacity'>,
): number | undefined {
  if (post.kind === 'embed') return post.headcount ?? undefined;
  if (post.kind === 'mentorship') return post.capacity ?? undefined;
  return undefined;
}

const LIMIT_NAME = { embed: 'headcount', mentorship: 'capacity' } as const;

function placesPhrase(kind: 'embed' | 'mentorship', places: number) {
  return places === 1
    ? `This ${kind} has 1 place and it is taken.`
    : `This ${kind} has ${places} places and all are taken.`;
}

/** 409 for an accept beyond the last place. */
export function placesTaken(post: PostRow, places: number): ConflictError {
  const kind = post.kind as 'embed' | 'mentorship';
  return new ConflictError(
    `${placesPhrase(kind, places)} Withdraw an accepted person or raise the ${
      LIMIT_NAME[kind]
    } first.`,
  );
}

/** 409 for an edit that would leave fewer places than people accepted. */
export function tooFewPlaces(
  post: PostRow,
  places: number,
  accepted: number,
): ConflictError {
  const kind = post.kind as 'embed' | 'mentorship';
  return new ConflictError(
    `This ${kind} has ${accepted} ${
      accepted === 1 ? 'person' : 'people'
    } accepted; its ${
      LIMIT_NAME[kind]
    } cannot be ${places}. Withdraw an accepted person first.`,
  );
}

/**
 * The status a post moves to after its accepted count or its places changed,
 * or undefined to keep it: an open post whose last place is taken is filled;
 * a post that was filled because it was full is open again once a place is
 * free. A post its owner marked filled by hand, or closed, stays as it is.
 */
export function nextStatus(
  status: PostStatus,
  before: { accepted: number; places: number },
  after: { accepted: number; places: number },
): PostStatus | undefined {
  if (status === 'open' && after.accepted >= after.places) return 'filled';
  if (
    status === 'filled' &&
    before.accepted >= before.places &&
    after.accepted < after.places
  ) {
    return 'open';
  }
  return undefined;
}

/** Writes a status change that follows from the places (a new version). */
export async function writeStatus(tx: Knex, postId: number, to: PostStatus) {
  const now = new Date();
  await tx('posts')
    .where('id', postId)
    .update({
      status: to,
      status_changed_at: now,
      updated_at: now,
      version: tx.raw('?? + 1', ['version']),
    });
}
