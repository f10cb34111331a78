import type { SkillExchangeStores } from '../database';

const u = (name: string) => `user:default/${name}`;

/**
 * A post that is not an opportunity, and two reports of it, so the
 * moderation queue of the admin page has something to show in the demo.
 */
export async function seedDemoReports(stores: SkillExchangeStores) {
  const post = await stores.posts.createPost(u('lucia.rossi'), {
    kind: 'hack',
    title: 'Two concert tickets for Friday, cheap',
    description: 'Cannot make it any more: message me if you want them.',
    skills: [],
    stage: 'idea',
  });
  await stores.reports.reportPost(post.id, u('sofia.marquez'), {
    reason: 'spam',
    comment: 'Not a hack: a sale.',
  });
  await stores.reports.reportPost(post.id, u('lars.lindqvist'), {
    reason: 'other',
    comment: 'Selling things belongs in the #marketplace channel.',
  });
}
