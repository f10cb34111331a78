/** The insights area's words (English, the default). */
import { method } from './insights/method';
import { page } from './insights/page';
import { pulse } from './insights/pulse';
import { trends } from './insights/trends';

export const insights = { page, method, trends, pulse };
