import { found } from './found';
import {
  Interest,
  InterestStatus,
  ManagerApprovalPolicy,
  skillExchangePostUpdatePermission,
} from '@onramp/backstage-plugin-skill-exchange-common';
import type { InterestTransition, SkillExchangeStores } from '../database';
import type { Caller, SkillExchangeAccess } from './access';
import type { SkillExchangeNotifier } from './notifications';
import type { Created } from './PostService';

/** Interest in embeds and mentorships: expressing, answering, withdrawing, reminding. */
export class InterestService {
  constructor(
    private readonly stores: SkillExchangeStores,
    private readonly access: SkillExchangeAccess,
    private readonly notifier: SkillExchangeNotifier,
    private readonly approvalPolicy: ManagerApprovalPolicy = 'optional',
  ) {}

  /** Expresses interest; the owner hears of it once, not of repeats. */
  async express(
    postId: number,
    message: string,
    caller: Caller,
  ): Promise<Created<Interest>> {
    const { interest, created } = await this.stores.interests.expressInterest(
      postId,
      caller.userEntityRef,
      message,
    );
    if (created) {
      const post = (await this.stores.posts.getPostRow(postId))!;
      await this.notifier.interestReceived({
        owner: post.owner,
        user: caller.userEntityRef,
        postId,
        title: post.title,
        message,
      });
    }
    return { value: interest, created };
  }

  /** Who is interested in a post: for those who may edit it. */
  async list(postId: number, caller: Caller): Promise<Interest[]> {
    await this.access.requirePost(
      skillExchangePostUpdatePermission,
      postId,
      caller,
      'see who is interested',
    );
    return this.stores.interests.listInterests(postId);
  }

  private async getInterest(id: number): Promise<Interest> {
    return found(
      await this.stores.interests.getInterest(id),
      `No interest ${id}`,
    );
  }

  /**
   * Accepts or declines; the person who was interested hears the answer.
   * An accept that takes the last place fills the post, and the people
   * still waiting hear that it is filled.
   */
  async answer(id: number, accepted: boolean, caller: Caller) {
    const interest = await this.getInterest(id);
    const { post, done } = await this.asOwner(
      interest,
      caller,
      'answer interest in it',
      accepted ? 'accepted' : 'declined',
    );
    await this.notifier.interestAnswered({
      user: interest.user,
      postId: post.id,
      title: post.title,
      accepted,
    });
    await this.tellFilled(done, post);
    return done.interest;
  }

  /**
   * The person withdraws their pending or accepted interest; whoever may edit
   * the post may withdraw an accepted person (the person hears of it). A
   * place freed on a full post reopens it.
   */
  async withdraw(id: number, caller: Caller): Promise<Interest> {
    const interest = await this.getInterest(id);
    if (interest.user === caller.userEntityRef) {
      const done = await this.stores.interests.transitionInterest(
        id,
        ['pending', 'accepted'],
        'withdrawn',
      );
      return done.interest;
    }
    const { post, done } = await this.asOwner(
      interest,
      caller,
      "withdraw someone else's interest in it",
      'withdrawn',
    );
    await this.notifier.placeReleased({
      user: interest.user,
      postId: post.id,
      title: post.title,
    });
    return done.interest;
  }

  /**
   * Whoever may edit the post moves an interest in it: pending ones are
   * answered (accepted, declined), accepted ones withdrawn.
   */
  private async asOwner(
    interest: Interest,
    caller: Caller,
    what: string,
    to: 'accepted' | 'declined' | 'withdrawn',
  ) {
    const post = await this.access.requirePost(
      skillExchangePostUpdatePermission,
      interest.postId,
      caller,
      what,
    );
    const from: InterestStatus[] =
      to === 'withdrawn' ? ['accepted'] : ['pending'];
    const done = await this.stores.interests.transitionInterest(
      interest.id,
      from,
      to,
      { approvalRequired: this.approvalPolicy === 'required' },
    );
    return { post, done };
  }

  private async tellFilled(
    done: InterestTransition,
    post: { id: number; title: string; kind: string },
  ) {
    if (done.postStatus === 'filled' && done.stillPending.length) {
      await this.notifier.postFilled({
        users: done.stillPending,
        postId: post.id,
        title: post.title,
        kind: post.kind,
      });
    }
  }

  /**
   * Reminds post owners of interest left unanswered since before `cutoff`:
   * one notification per post, counting the people waiting.
   */
  async remindOwners(cutoff: Date): Promise<void> {
    const pending = await this.stores.interests.pendingInterestsOlderThan(
      cutoff,
    );
    const byPost = new Map<number, typeof pending>();
    for (const interest of pending) {
      byPost.set(interest.postId, [
        ...(byPost.get(interest.postId) ?? []),
        interest,
      ]);
    }
    for (const [postId, list] of byPost) {
      await this.notifier.interestReminder({
        owner: list[0].postOwner,
        postId,
        title: list[0].postTitle,
        pending: list.length,
      });
    }
  }
}
