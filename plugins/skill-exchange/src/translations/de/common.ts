import type { common as en } from '../en/common';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';

export const common: AreaMessages<typeof en, 'common'> = {
  'common.title': 'Skill Exchange',
  'common.kinds.embed': 'Embed',
  'common.kinds.embeds': 'Embeds',
  'common.kinds.hack': 'Hack',
  'common.kinds.hacks': 'Hacks',
  'common.kinds.mentorship': 'Mentoring',
  'common.kinds.mentorships': 'Mentorings',
  'common.kinds.pairing': 'Pairing',
  'common.kinds.pairings': 'Pairings',
  'common.kindsInText.embed': 'Embed',
  'common.kindsInText.embeds': 'Embeds',
  'common.kindsInText.hack': 'Hack',
  'common.kindsInText.hacks': 'Hacks',
  'common.kindsInText.mentorship': 'Mentoring',
  'common.kindsInText.mentorships': 'Mentorings',
  'common.kindsInText.pairing': 'Pairing',
  'common.kindsInText.pairings': 'Pairings',
};
