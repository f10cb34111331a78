/**
 * German (Deutsch): every Skill Exchange message. The type of each area
 * makes TypeScript name any key that is missing.
 */
import { common } from './common';
import { posts } from './posts';
import { profiles } from './profiles';
import { admin } from './admin';
import { events } from './events';
import { insights } from './insights';

export default {
  ...common,
  ...posts,
  ...profiles,
  ...admin,
  ...events,
  ...insights,
};
