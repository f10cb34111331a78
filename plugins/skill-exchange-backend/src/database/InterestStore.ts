import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type {
  Interest,
  InterestStatus,
  PostStatus,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { Knex } from 'knex';
import {
  countAccepted,
  lockPost,
  nextStatus,
  pendingPeople,
  placesOf,
  placesTaken,
  writeStatus,
} from './places';
import { InterestRow, toInterest, toIso } from './rows';

/** An interest, and whether this request created (or renewed) it. */
export interface ExpressedInterest {
  interest: Interest;
  created: boolean;
}

/** An interest after a transition, and what it did to its post's places. */
export interface InterestTransition {
  interest: Interest;
  /** The post's new status when the change filled it or reopened it. */
  postStatus?: PostStatus;
  /** When the post just filled: the people whose interest is still pending. */
  stillPending: string[];
}

/** Interest in embeds and mentorships, and its answers. */
export interface InterestStore {
  /**
   * Records interest in an open embed or mentorship, once per person and
   * post. A repeat returns the existing interest with `created: false`; a
   * declined interest cannot be expressed again (409); a withdrawn one is
   * renewed.
   */
  expressInterest(
    postId: number,
    user: string,
    message: string,
  ): Promise<ExpressedInterest>;
  listInterests(postId: number): Promise<Interest[]>;
  getInterest(id: number): Promise<Interest | undefined>;
  /**
   * Moves an interest from one of `from` to `to` atomically: of two racing
   * answers only one wins, the other gets a 409. An accept beyond the post's
   * places (headcount, capacity) is a 409 and changes nothing; taking the
   * last place fills the post, freeing a place of a full post reopens it,
   * in the same transaction. With `approvalRequired`, accepting an embed
   * interest whose manager has not approved it is a 409.
   */
  transitionInterest(
    id: number,
    from: InterestStatus[],
    to: InterestStatus,
    options?: { approvalRequired?: boolean },
  ): Promise<InterestTransition>;
  /** Interests still pending since before `olderThan` on open posts, for reminders. */
  pendingInterestsOlderThan(
    olderThan: Date,
  ): Promise<Array<Interest & { postOwner: string; postTitle: string }>>;
  /** Hours from interest to answer of the owner's newest answers since `since`. */
  ownerAnswerHours(
    owner: string,
    since: Date,
    limit?: number,
  ): Promise<number[]>;
}

export class KnexInterestStore implements InterestStore {
  static create(db: Knex): KnexInterestStore {
    return new KnexInterestStore(db);
  }

  private constructor(private readonly db: Knex) {}

  async expressInterest(
    postId: number,
    user: string,
    message: string,
  ): Promise<ExpressedInterest> {
    return this.db.transaction(async tx => {
      // Locked, so no interest slips in while an accept fills the post.
      const post = await lockPost(tx, postId);
      if (post.kind === 'hack') {
        throw new InputError(
          'Hacks are joined, not applied to: POST /posts/:id/members',
        );
      }
      if (post.kind === 'pairing') {
        throw new InputError(
          'Pairing sessions are booked, not applied to: POST /posts/:id/booking',
        );
      }
      if (post.owner === user) {
        throw new InputError('You cannot express interest in your own post');
      }
      if (post.status !== 'open') {
        throw new ConflictError(`Post ${postId} is ${post.status}, not open`);
      }
      const now = new Date();
      // The unique key decides: of racing requests exactly one inserts.
      const inserted = await tx('interests')
        .insert({
          post_id: postId,
          user_ref: user,
          message,
          status: 'pending',
          created_at: now,
          updated_at: now,
        })
        .onConflict(['post_id', 'user_ref'])
        .ignore()
        .returning('id');
      const existing = async () =>
        (await tx<InterestRow>('interests')
          .where({ post_id: postId, user_ref: user })
          .first())!;
      if (inserted.length) {
        return { interest: toInterest(await existing()), created: true };
      }
      const current = await existing();
      if (current.status === 'declined') {
        throw new ConflictError(
          `Your interest in post ${postId} was declined; it cannot be expressed again`,
        );
      }
      if (current.status === 'withdrawn') {
        const renewed = await tx('interests')
          .where({ id: current.id, status: 'withdrawn' })
          .update({ status: 'pending', message, updated_at: now });
        return { interest: toInterest(await existing()), created: renewed > 0 };
      }
      return { interest: toInterest(current), created: false };
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

  async transitionInterest(
    id: number,
    from: InterestStatus[],
    to: InterestStatus,
    options: { approvalRequired?: boolean } = {},
  ): Promise<InterestTransition> {
    return this.db.transaction(async tx => {
      const read = () => tx<InterestRow>('interests').where('id', id).first();
      const found = await read();
      if (!found) throw new NotFoundError(`No interest ${id}`);
      // The post's lock comes first: every change of its places waits here,
      // so the interest read after it is the one the others left.
      const post = await lockPost(tx, found.post_id);
      const current = (await read())!;
      if (!from.includes(current.status)) {
        throw new ConflictError(
          `Interest ${id} is ${current.status}; it cannot become ${to}`,
        );
      }
      if (
        to === 'accepted' &&
        options.approvalRequired &&
        post.kind === 'embed' &&
        current.approval_status !== 'approved'
      ) {
        throw new ConflictError(
          `Interest ${id} needs the applicant's manager's approval before it can be accepted (approval is ${
            current.approval_status ?? 'not requested yet'
          })`,
        );
      }
      const places = placesOf(post);
      let postStatus: PostStatus | undefined;
      if (places !== undefined) {
        const accepted = await countAccepted(tx, post.id);
        if (to === 'accepted' && accepted >= places) {
          throw placesTaken(post, places);
        }
        const after =
          accepted +
          (to === 'accepted' ? 1 : 0) -
          (current.status === 'accepted' ? 1 : 0);
        postStatus = nextStatus(
          post.status,
          { accepted, places },
          { accepted: after, places },
        );
      }
      const now = new Date();
      const answers = current.status === 'pending' && to !== 'withdrawn';
      await tx('interests')
        .where({ id, status: current.status })
        .update({
          status: to,
          updated_at: now,
          ...(answers ? { answered_at: now } : {}),
        });
      if (postStatus) await writeStatus(tx, post.id, postStatus);
      return {
        interest: toInterest((await read())!),
        postStatus,
        stillPending:
          postStatus === 'filled' ? await pendingPeople(tx, post.id) : [],
      };
    });
  }

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

  /**
   * Hours from interest to answer for the owner's newest answers (at most
   * `limit`) since `since`, over all their posts.
   */
  async ownerAnswerHours(
    owner: string,
    since: Date,
    limit = 50,
  ): Promise<number[]> {
    const rows = await this.db('interests')
      .join('posts', 'posts.id', 'interests.post_id')
      .where('posts.owner', owner)
      .whereNotNull('interests.answered_at')
      .where('interests.answered_at', '>=', since)
      .orderBy('interests.answered_at', 'desc')
      .limit(limit)
      .select('interests.created_at', 'interests.answered_at');
    return rows.map(
      r =>
        (Date.parse(toIso(r.answered_at)) - Date.parse(toIso(r.created_at))) /
        3_600_000,
    );
  }
}
