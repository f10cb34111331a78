import type { profiles as en } from '../en/profiles';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';

export const profiles: AreaMessages<typeof en, 'profiles'> = {};
