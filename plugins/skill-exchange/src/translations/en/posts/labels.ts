/**
 * Words for the values of a post (stage, status, location, level...),
 * shared by the lists, cards, forms and profiles.
 */
export const labels = {
  cancel: 'Cancel',
  stage: {
    idea: 'Idea',
    in_progress: 'In progress',
    completed: 'Completed',
  },
  status: {
    open: 'Open',
    filled: 'Filled',
    closed: 'Closed',
  },
  location: {
    remote: 'Remote',
    office: 'Office',
    flexible: 'Flexible',
  },
  /** Where people hack on a hack: remote reads "Anywhere". */
  hackLocation: {
    remote: 'Anywhere',
    office: 'In the office',
    flexible: 'Flexible',
  },
  hackCategory: {
    tooling: 'Tooling',
    product: 'Product',
    infrastructure: 'Infrastructure',
    data: 'Data',
    'machine-learning': 'Machine learning',
    'developer-experience': 'Developer experience',
    other: 'Other',
  },
  /** What someone is open to; `{{kind}}` is the kind in a sentence ("embeds"). */
  openTo: {
    openToEmbeds: 'Open to {{kind}}',
    openToMentoring: 'Open to mentoring',
    openToHacks: 'Open to {{kind}}',
  },
  /** The five proficiency levels: name and what it means. */
  levels: {
    name: {
      '1': 'Aware',
      '2': 'Learning',
      '3': 'Practitioner',
      '4': 'Advanced',
      '5': 'Expert',
    },
    description: {
      '1': 'Knows what it is and when it is used.',
      '2': 'Has used it with help; building experience.',
      '3': 'Uses it independently in day-to-day work.',
      '4': 'Handles hard problems with it and guides others.',
      '5': 'Recognised go-to person; shapes how it is used.',
    },
    unknown: 'Level {{level}}',
  },
  /** An embed's time share: "2 days a week (40%) for 4 weeks". */
  timeShare: {
    fullTime: 'full time',
    daysAWeek_one: '{{days}} day a week ({{percent}}%)',
    daysAWeek_other: '{{days}} days a week ({{percent}}%)',
    period_one: '{{share}} for {{count}} week',
    period_other: '{{share}} for {{count}} weeks',
  },
  placesTaken_one: '{{taken}} of {{count}} place taken',
  placesTaken_other: '{{taken}} of {{count}} places taken',
  /** A duration rounded up to whole days, inside a sentence. */
  days_one: 'a day',
  days_other: '{{count}} days',
  ownerAnswers:
    'Usually answers within {{days}} (median of {{answered}} answers)',
  waitingLessThanADay: 'waiting less than a day',
  waiting_one: 'waiting {{count}} day',
  waiting_other: 'waiting {{count}} days',
  mentorshipMode: {
    offering: 'Offering mentoring',
    seeking: 'Looking for a mentor',
  },
  /** Above a post's skills: what its owner offers or looks for. */
  helpWith: {
    offering: 'Can offer help with',
    seeking: 'Looking for help with',
  },
} as const;
