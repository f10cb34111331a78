import type { insights as en } from '../en/insights';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';
import { method } from './insights/method';
import { page } from './insights/page';
import { pulse } from './insights/pulse';
import { trends } from './insights/trends';

export const insights: AreaMessages<typeof en, 'insights'> = {
  ...page,
  ...method,
  ...trends,
  ...pulse,
};
