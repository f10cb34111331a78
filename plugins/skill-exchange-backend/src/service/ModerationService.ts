import {
  Page,
  ReportedPost,
  ReportInput,
  ReportsQuery,
  skillExchangePostModeratePermission,
} from '@onramp/backstage-plugin-skill-exchange-common';
import type { SkillExchangeStores } from '../database';
import type { Caller, SkillExchangeAccess } from './access';
import { found } from './found';
import type { SkillExchangeNotifier } from './notifications';

/** Reports of posts by anyone signed in; the queue and its answers for moderators. */
export class ModerationService {
  constructor(
    private readonly stores: SkillExchangeStores,
    private readonly access: SkillExchangeAccess,
    private readonly notifier: SkillExchangeNotifier,
  ) {}

  report(postId: number, input: ReportInput, caller: Caller): Promise<void> {
    return this.stores.reports.reportPost(postId, caller.userEntityRef, input);
  }

  private requireModerator(caller: Caller, what: string) {
    return this.access.require(
      skillExchangePostModeratePermission,
      caller,
      what,
    );
  }

  async list(query: ReportsQuery, caller: Caller): Promise<Page<ReportedPost>> {
    await this.requireModerator(caller, 'see reported posts');
    return this.stores.reports.listReports(query);
  }

  /** Dismisses or hides; a hidden post's owner hears of it, with the note. */
  async resolve(
    postId: number,
    resolution: { action: 'dismiss' | 'hide'; note: string },
    caller: Caller,
  ): Promise<ReportedPost> {
    await this.requireModerator(caller, 'resolve reports');
    const { post } = await this.stores.reports.resolveReports(
      postId,
      caller.userEntityRef,
      resolution,
    );
    if (resolution.action === 'hide') {
      await this.notifier.postHidden({
        owner: post.owner,
        postId,
        title: post.title,
        note: resolution.note,
      });
    }
    return found(
      await this.stores.reports.getReportedPost(postId),
      `No post ${postId}`,
    );
  }
}
