import type { journey as en } from '../en/journey';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';

export const journey: AreaMessages<typeof en, 'journey'> = {};
