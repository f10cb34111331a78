import type { common as en } from '../en/common';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';

export const common: AreaMessages<typeof en, 'common'> = {
  'common.title': 'Golden Paths',
  'common.path': 'Golden Path',
  'common.pathInText': 'Golden Path',
  'common.pathsInText': 'Golden Paths',
  'common.myTeam': 'Mein Team',
};
