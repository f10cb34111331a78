import type { bootcamps as en } from '../en/bootcamps';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';

export const bootcamps: AreaMessages<typeof en, 'bootcamps'> = {};
