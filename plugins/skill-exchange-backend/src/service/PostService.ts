import { NotFoundError } from '@backstage/errors';
import { found } from './found';
import {
  ListPostsQuery,
  OwnerAnswers,
  PostPage,
  Post,
  PostInput,
  PostStatus,
  skillExchangePostCreatePermission,
  skillExchangePostDeletePermission,
  skillExchangePostModeratePermission,
  skillExchangePostUpdatePermission,
} from '@onramp/backstage-plugin-skill-exchange-common';
import type { PostRelation, SkillExchangeStores } from '../database';
import type { Caller, SkillExchangeAccess } from './access';
import type { SkillExchangeNotifier } from './notifications';
import type { RetroService } from './RetroService';

const UPDATE = skillExchangePostUpdatePermission;
/** How far back a post's "usually answers within" looks. */
const ANSWERS_WINDOW_DAYS = 180;
/** Fewer answers than this say nothing about a habit. */
const MIN_ANSWERS = 3;

/** The median of the owner's answer times, or undefined under MIN_ANSWERS. */
export function summariseAnswers(hours: number[]): OwnerAnswers | undefined {
  if (hours.length < MIN_ANSWERS) return undefined;
  const sorted = [...hours].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return {
    answered: sorted.length,
    medianHours: Math.round(median * 10) / 10,
  };
}

/** A post and whether this request created the row it is about. */
export interface Created<T> {
  value: T;
  created: boolean;
}

/** The rules of posts and hacks: who may change them, who hears of them. */
export class PostService {
  constructor(
    private readonly stores: SkillExchangeStores,
    private readonly access: SkillExchangeAccess,
    private readonly notifier: SkillExchangeNotifier,
    private readonly retros: Pick<RetroService, 'askForPost'>,
  ) {}

  list(query: ListPostsQuery, caller: Caller): Promise<PostPage> {
    return this.stores.posts.listPosts(query, caller.userEntityRef);
  }

  /**
   * A post; embeds and mentorships say how soon their owner answers. A post
   * a moderator hid is there only for its owner and moderators.
   */
  async get(id: number, caller: Caller): Promise<Post> {
    const post = found(
      await this.stores.posts.getPost(id, caller.userEntityRef),
      `No post ${id}`,
    );
    if (
      post.hidden &&
      post.owner !== caller.userEntityRef &&
      !(await this.access.allowed(skillExchangePostModeratePermission, caller))
    ) {
      throw new NotFoundError(`No post ${id}`);
    }
    if (post.kind === 'hack') return post;
    const since = new Date(Date.now() - ANSWERS_WINDOW_DAYS * 86_400_000);
    const ownerAnswers = summariseAnswers(
      await this.stores.interests.ownerAnswerHours(post.owner, since),
    );
    return ownerAnswers ? { ...post, ownerAnswers } : post;
  }

  /** Creates a post and tells the people whose learning goals it matches. */
  async create(input: PostInput, caller: Caller): Promise<Post> {
    await this.access.require(
      skillExchangePostCreatePermission,
      caller,
      'post',
    );
    const post = await this.stores.posts.createPost(
      caller.userEntityRef,
      input,
    );
    const learners = await this.stores.posts.learnersOfPost(post.id);
    if (learners.length) {
      await this.notifier.postMatchesLearningGoals({
        users: learners,
        postId: post.id,
        title: post.title,
        kind: post.kind,
        skills: post.skills,
      });
    }
    return post;
  }

  async update(
    id: number,
    input: PostInput,
    version: number,
    caller: Caller,
  ): Promise<Post> {
    const { userEntityRef } = caller;
    await this.access.requirePost(UPDATE, id, caller, 'edit it');
    const { post, stillPending } = await this.stores.posts.updatePost(
      id,
      input,
      version,
      userEntityRef,
    );
    // Lowering the places to the people accepted fills the post, as the
    // accept of the last place does: those still waiting hear it.
    if (stillPending.length) {
      await this.notifier.postFilled({
        users: stillPending,
        postId: id,
        title: post.title,
        kind: post.kind,
      });
    }
    // A hack marked completed is over: its people are asked for a retro.
    if (post.kind === 'hack' && post.stage === 'completed') {
      await this.retros.askForPost(id);
    }
    return post;
  }

  async setStatus(
    id: number,
    status: PostStatus,
    version: number,
    caller: Caller,
  ): Promise<Post> {
    const { userEntityRef } = caller;
    await this.access.requirePost(UPDATE, id, caller, 'change its status');
    const post = await this.stores.posts.setPostStatus(
      id,
      status,
      version,
      userEntityRef,
    );
    // A closed post is over: its people are asked for a retro.
    if (status === 'closed') await this.retros.askForPost(id);
    return post;
  }

  async delete(id: number, caller: Caller): Promise<void> {
    await this.access.requirePost(
      skillExchangePostDeletePermission,
      id,
      caller,
      'delete it',
    );
    await this.stores.posts.deletePost(id);
  }

  /** Joins a hack; the owner hears of a new member once, not of repeats. */
  async join(id: number, caller: Caller): Promise<Created<Post>> {
    const { created } = await this.stores.hackMemberships.joinHack(
      id,
      caller.userEntityRef,
    );
    const post = await this.get(id, caller);
    if (created && post.owner !== caller.userEntityRef) {
      await this.notifier.hackMemberJoined({
        owner: post.owner,
        user: caller.userEntityRef,
        postId: id,
        title: post.title,
      });
    }
    return { value: post, created };
  }

  async leave(id: number, caller: Caller): Promise<Post> {
    await this.stores.hackMemberships.leaveHack(id, caller.userEntityRef);
    return this.get(id, caller);
  }

  /** Follows or saves a post; a repeat changes nothing and says so. */
  async relate(
    relation: PostRelation,
    id: number,
    caller: Caller,
  ): Promise<Created<Post>> {
    const { created } = await this.stores.hackMemberships.addRelation(
      relation,
      id,
      caller.userEntityRef,
    );
    return { value: await this.get(id, caller), created };
  }

  async unrelate(relation: PostRelation, id: number, caller: Caller) {
    await this.stores.hackMemberships.removeRelation(
      relation,
      id,
      caller.userEntityRef,
    );
  }
}
