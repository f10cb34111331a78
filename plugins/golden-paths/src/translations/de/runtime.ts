import type { runtime as en } from '../en/runtime';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';

export const runtime: AreaMessages<typeof en, 'runtime'> = {};
