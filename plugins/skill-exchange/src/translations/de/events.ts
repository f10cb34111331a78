import type { events as en } from '../en/events';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';

export const events: AreaMessages<typeof en, 'events'> = {};
