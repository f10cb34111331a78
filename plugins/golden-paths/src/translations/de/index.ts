/**
 * German (Deutsch): every Golden Paths message. The type of each area makes
 * TypeScript name any key that is missing.
 */
import { common } from './common';
import { journey } from './journey';
import { insights } from './insights';
import { bootcamps } from './bootcamps';
import { runtime } from './runtime';

export default {
  ...common,
  ...journey,
  ...insights,
  ...bootcamps,
  ...runtime,
};
