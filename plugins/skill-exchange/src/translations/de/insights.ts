import type { insights as en } from '../en/insights';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';

export const insights: AreaMessages<typeof en, 'insights'> = {};
