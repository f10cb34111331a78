/**
 * Browsing posts: the Skill Exchange page and its tabs, the lists with
 * their filters, the cards and a post's page. `{{kind}}` is a word from
 * `common.kinds` or `common.kindsInText`.
 */
export const browse = {
  page: {
    subtitle:
      '{{embeds}}, {{hacks}}, {{mentorships}} and {{pairing}}: learn on the job, from each other',
    myProfile: 'My profile',
    tabs: {
      events: 'Events',
      people: 'People',
      insights: 'Insights',
      approvals: 'Approvals',
    },
  },
  postList: {
    postHack: 'Post a {{kind}}',
    createPost: 'Create {{kind}} post',
    search: 'Search {{kind}}',
    filterBySkill: 'Filter by skill',
    noMatchTitle: 'No {{kind}} match',
    noMatchFiltered: 'Try fewer filters or another search.',
    noMatchEmpty: 'Nobody has posted a {{kind}} yet. Be the first!',
    count: '{{total}} {{kind}}',
    countSearched: '{{total}} {{kind}}, best matches first',
  },
  quickFilters: {
    mine: 'My {{kind}}',
    mySessions: 'My sessions',
    saved: 'Saved',
    member: "{{kind}} I'm in",
    following: 'Following',
    findTeam: 'Find a team',
    adoptable: 'Adopt an idea',
    past: 'Past {{kind}}',
    offering: 'Offering',
    seeking: 'Seeking',
  },
  filters: {
    level: 'Expertise level',
    anyLevel: 'Any level',
    location: 'Location',
    anywhere: 'Anywhere',
    event: '{{kind}} event',
    anyEvent: 'Any event',
    status: 'Status',
    anyStatus: 'Any status',
    team: 'Team',
    anyTeam: 'Any team',
    where: 'Where',
    anyPlace: 'Any place',
    category: 'Category',
    anyCategory: 'Any category',
  },
  postCard: {
    embedDetails:
      '{{timeShare}} · starts {{start}} · {{location}} · level {{level}} · {{team}}',
    members_one: '{{count}} member',
    members_other: '{{count}} members',
    following_one: '{{count}} following',
    following_other: '{{count}} following',
    pairingOffering: 'Offering a {{minutes}}-minute session',
    pairingSeeking: 'Looking for a {{minutes}}-minute session',
    slots_one: '{{count}} slot',
    slots_other: '{{count}} slots',
    booked: 'booked',
    saved: 'Saved',
    noDescription: 'No description yet.',
    by: 'by {{owner}}',
  },
  postDetail: {
    about: 'About',
    noDescription: '_No description._',
    postedBy: 'Posted by {{person}} on {{date}}',
    backTo: 'Back to the {{title}}',
    hidden: 'Hidden by a moderator',
  },
  forYou: {
    nothingYet:
      'Nothing fits yet. Add skills and learning goals to your {{profile}} to get recommendations.',
    skillProfile: 'skill profile',
    recommended: 'Recommended for you',
    why: 'Why: {{reason}}',
  },
} as const;
