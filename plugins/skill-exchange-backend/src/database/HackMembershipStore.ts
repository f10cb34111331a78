import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { checkJoinWindow } from './eventRules';
import { PostRow } from './rows';

/** The people around a hack: members, followers and who saved a post. */
export type PostRelation = 'follows' | 'saves';

/** Hack members, follows and saves, one row per person and post. */
export interface HackMembershipStore {
  /** Joins an open hack; `created` is false when the person was a member already. */
  joinHack(postId: number, user: string): Promise<{ created: boolean }>;
  leaveHack(postId: number, user: string): Promise<void>;
  /** Follows (hacks only) or saves a post; `created` is false for a repeat. */
  addRelation(
    relation: PostRelation,
    postId: number,
    user: string,
  ): Promise<{ created: boolean }>;
  removeRelation(
    relation: PostRelation,
    postId: number,
    user: string,
  ): Promise<void>;
}

export class KnexHackMembershipStore implements HackMembershipStore {
  static create(db: Knex): KnexHackMembershipStore {
    return new KnexHackMembershipStore(db);
  }

  private constructor(private readonly db: Knex) {}

  /**
   * Inserts one row per person and post. The unique key decides which of
   * racing requests created it: the insert of the others does nothing and
   * returns no row (PostgreSQL and SQLite alike).
   */
  private async insertOnce(
    tx: Knex,
    table: string,
    postId: number,
    user: string,
  ) {
    const inserted = await tx(table)
      .insert({ post_id: postId, user_ref: user, created_at: new Date() })
      .onConflict(['post_id', 'user_ref'])
      .ignore()
      .returning('post_id');
    return { created: inserted.length > 0 };
  }

  /**
   * The member count moves with the row, by an atomic increment in the same
   * transaction, so racing joins and leaves never make it drift.
   */
  async joinHack(postId: number, user: string) {
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
      await checkJoinWindow(tx, post);
      const result = await this.insertOnce(tx, 'memberships', postId, user);
      if (result.created) {
        await tx('posts').where('id', postId).increment('member_count', 1);
      }
      return result;
    });
  }

  async leaveHack(postId: number, user: string): Promise<void> {
    await this.db.transaction(async tx => {
      const post = await tx<PostRow>('posts').where('id', postId).first();
      if (!post) throw new NotFoundError(`No post ${postId}`);
      const left = await tx('memberships')
        .where({ post_id: postId, user_ref: user })
        .delete();
      if (left) {
        await tx('posts').where('id', postId).decrement('member_count', left);
      }
    });
  }

  private async checkRelation(relation: PostRelation, postId: number) {
    const post = await this.db<PostRow>('posts').where('id', postId).first();
    if (!post) throw new NotFoundError(`No post ${postId}`);
    if (relation === 'follows' && post.kind !== 'hack') {
      throw new InputError('Only hacks can be followed');
    }
  }

  async addRelation(relation: PostRelation, postId: number, user: string) {
    await this.checkRelation(relation, postId);
    return this.insertOnce(this.db, relation, postId, user);
  }

  async removeRelation(relation: PostRelation, postId: number, user: string) {
    await this.checkRelation(relation, postId);
    await this.db(relation).where({ post_id: postId, user_ref: user }).delete();
  }
}
