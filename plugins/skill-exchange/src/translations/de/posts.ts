import type { posts as en } from '../en/posts';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';
import { labels } from './posts/labels';
import { browse } from './posts/browse';
import { forms } from './posts/forms';

export const posts: AreaMessages<typeof en, 'posts'> = {
  ...labels,
  ...browse,
  ...forms,
};
