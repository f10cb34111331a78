import { labels } from './posts/labels';
import { browse } from './posts/browse';
import { forms } from './posts/forms';

/** The posts area's words (English, the default). */
export const posts = {
  ...labels,
  ...browse,
  ...forms,
};
