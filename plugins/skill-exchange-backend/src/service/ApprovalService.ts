import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import {
  managersOf,
  type Membership,
} from '@onramp/backstage-plugin-onramp-node';
import {
  ApprovalRequest,
  formatTimeShare,
  Interest,
  ManagerApprovalPolicy,
} from '@onramp/backstage-plugin-skill-exchange-common';
import type { SkillExchangeStores } from '../database';
import type { Caller } from './access';
import { found } from './found';
import type { SkillExchangeNotifier } from './notifications';
import type { Created } from './PostService';

/**
 * Manager approval of embeds, asked for by the applicant. Interest stays
 * confidential: the manager learns of it only from the request (or, once
 * it is accepted, from the person's growth activities), never before.
 */
export class ApprovalService {
  constructor(
    private readonly stores: SkillExchangeStores,
    private readonly notifier: SkillExchangeNotifier,
    private readonly options: {
      policy: ManagerApprovalPolicy;
      /** The person's groups and their managers, from the catalog. */
      membership: (userEntityRef: string) => Promise<Membership>;
    },
  ) {}

  settings(): { managerApproval: ManagerApprovalPolicy } {
    return { managerApproval: this.options.policy };
  }

  private requireOn() {
    if (this.options.policy === 'off') {
      throw new InputError(
        'Manager approval is off in this portal (skillExchange.embeds.managerApproval)',
      );
    }
  }

  private async interest(id: number): Promise<Interest> {
    return found(
      await this.stores.interests.getInterest(id),
      `No interest ${id}`,
    );
  }

  /** The applicant puts their embed interest to their manager (from the catalog). */
  async request(id: number, caller: Caller): Promise<Created<Interest>> {
    this.requireOn();
    const me = caller.userEntityRef;
    const interest = await this.interest(id);
    if (interest.user !== me) {
      throw new NotAllowedError(
        'Only the applicant can ask their manager to approve their interest',
      );
    }
    const post = (await this.stores.posts.getPostRow(interest.postId))!;
    if (post.kind !== 'embed') {
      throw new InputError('Manager approval is for embeds only');
    }
    const [manager] = managersOf(await this.options.membership(me), me);
    if (!manager) {
      throw new ConflictError(
        "The catalog names no manager for you: the Group you are a member of needs an 'onramp.dev/manager' annotation",
      );
    }
    const done = await this.stores.approvals.request(id, manager);
    if (done.created) {
      await this.notifier.approvalRequested({
        manager,
        user: me,
        title: post.title,
        timeShare: formatTimeShare(
          post.time_share_percent ?? 100,
          post.duration_weeks!,
        ),
      });
    }
    return { value: done.interest, created: done.created };
  }

  /** The manager asked approves, or declines with a reason; both sides hear it. */
  async answer(
    id: number,
    approve: boolean,
    reason: string | undefined,
    caller: Caller,
  ): Promise<Interest> {
    this.requireOn();
    const interest = await this.interest(id);
    if (interest.managerApproval?.manager !== caller.userEntityRef) {
      throw new NotAllowedError(
        'Only the manager the applicant asked can answer this approval',
      );
    }
    if (!approve && !reason) {
      throw new InputError('A decline needs a reason: { "reason": "..." }');
    }
    const done = await this.stores.approvals.answer(
      id,
      caller.userEntityRef,
      approve,
      reason ?? null,
    );
    const post = (await this.stores.posts.getPostRow(interest.postId))!;
    await this.notifier.approvalAnswered({
      user: interest.user,
      owner: post.owner,
      postId: post.id,
      title: post.title,
      approved: approve,
      reason: done.managerApproval.reason,
    });
    return done;
  }

  /** The requests addressed to the caller. */
  list(caller: Caller): Promise<ApprovalRequest[]> {
    return this.stores.approvals.listFor(caller.userEntityRef);
  }
}
