import type { posts as en } from '../en/posts';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';

export const posts: AreaMessages<typeof en, 'posts'> = {};
