import type { admin as en } from '../en/admin';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';

export const admin: AreaMessages<typeof en, 'admin'> = {};
