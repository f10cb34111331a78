/** The bootcamps area's words (English, the default). */
export const bootcamps = {
  back: 'Back',
  /** An empty cell or a missing value. */
  none: '—',
  dates: {
    /** "2026-12-01 – 2026-12-19". */
    range: '{{start}} – {{end}}',
    from: 'from {{start}}',
  },
  notAllowed: {
    title: 'Bootcamps are for cohort managers',
    description:
      'You need the golden-paths.cohort.manage permission (and to be one of goldenPaths.metrics.viewers) to run bootcamps. Ask your platform team if you should.',
  },
  list: {
    title: 'Bootcamps',
    subtitle:
      'Cohorts of newcomers on a path together: progress, and a nudge when someone is stuck',
    tableTitle: 'Cohorts',
    empty: 'No bootcamps yet: create the first one below.',
    columns: {
      bootcamp: 'Bootcamp',
      path: 'Path',
      dates: 'Dates',
      members: 'Members',
    },
  },
  board: {
    title: 'Bootcamp',
    /** "Backend Day 1 · 2026-12-01 – 2026-12-19". */
    subtitle: '{{path}} · {{dates}}',
    noPath: 'No path',
    notStarted: 'Not started',
    finished: 'Finished',
    columns: {
      member: 'Member',
      stepsDone: 'Steps done',
      currentStep: 'Current step',
      stuck: 'Stuck',
      nudge: 'Nudge',
    },
    stepsDoneBy: 'Steps done by {{name}}',
    stuckFor_one: 'Stuck for {{count}} day',
    stuckFor_other: 'Stuck for {{count}} days',
    nudge: 'Nudge',
    nudgeLabel: 'Nudge {{name}}',
    nudgedToday: 'Nudged today',
    nudgedTodayLabel: 'Nudged today: {{name}}',
    nudgeAll: 'Nudge all stuck',
    days_one: '{{count}} day',
    days_other: '{{count}} days',
    /** "2 stuck (no evidence for more than 3 days), 1 not nudged today". */
    stuckSummary:
      '{{stuck}} stuck (no evidence for more than {{days}}), {{notNudged}} not nudged today',
    nudged: 'Nudged {{name}}',
    nudgedStuck_one: 'Nudged {{count}} stuck member',
    nudgedStuck_other: 'Nudged {{count}} stuck members',
    /** "Nudged 2 stuck members; 1 already nudged today". */
    nudgedStuckSkipped: '{{nudged}}; {{skipped}} already nudged today',
    tableTitle_one: 'Progress board ({{count}} member)',
    tableTitle_other: 'Progress board ({{count}} members)',
  },
  form: {
    title: 'New bootcamp',
    titleField: 'Title',
    path: 'Path',
    startDate: 'Start date',
    endDate: 'End date',
    members: 'Members',
    fromGroup: 'From a catalog group',
    fromList: 'A list of people',
    group: 'Group',
    people: 'People (user names or refs, one per line)',
    create: 'Create bootcamp',
    chooseGroup: 'Choose a group',
    addPeople: 'Add people',
    created_one: 'Created {{title}} with {{count}} member',
    created_other: 'Created {{title}} with {{count}} members',
    createFailed: 'Could not create the bootcamp: {{message}}',
  },
  /** A person's own bootcamps on a path page, and their sharing switch. */
  mine: {
    chip: 'Bootcamp: {{title}} ({{dates}})',
    share: 'Let my managers see my Skill Exchange activity',
    shareFailed: 'Could not save the setting',
  },
  /** A manager's "My team's onboarding". */
  team: {
    title: "My team's onboarding",
    subtitle: 'The people you manage in the catalog, and their {{paths}}',
    emptyTitle: 'Nobody reports to you',
    emptyDescription:
      'Your reports are the members of the catalog groups whose onramp.dev/manager annotation names you.',
    noJourney: 'No {{path}} started yet.',
    progress: '{{path}}: {{done}} of {{total}} steps done',
    progressFinished: '{{path}}: {{done}} of {{total}} steps done (finished)',
    progressLabel: '{{name}} on {{path}}',
    skillExchangeLink: 'Skill Exchange profile and activity',
    notShared: 'Skill Exchange activity not shared',
    pathFor: 'Path for {{name}}',
    assign: 'Assign path',
    assignFailed: 'Could not assign the path',
  },
} as const;
