/** The Insights page: figures, funnels and completion tables. */
export const page = {
  title: 'Onboarding insights',
  subtitle:
    'Is onboarding working? Funnels, times to first template, deploy and day-1 complete',
  allPaths: 'All paths',
  /** {{path}}: common.path. */
  metricsTitle: '{{path}} metrics',
  exportCsv: 'Export CSV',
  exportOnboardingCsv: 'Export onboarding times CSV',
  filters: {
    discipline: 'Discipline',
    allDisciplines: 'All disciplines',
    cohort: 'Cohort',
    everyone: 'Everyone',
  },
  forbidden: {
    title: 'Onboarding insights are for the people who run onboarding',
    description:
      'Only the users and groups listed in goldenPaths.metrics.viewers see cohort metrics. Ask your platform team if you need them.',
  },
  hiddenNote:
    'Groups of fewer than {{size}} people are hidden, with one more group where exactly one would be, so no hidden figure is a total minus the rest. No figure here is about one person.',
  summaries: {
    firstTemplate: 'Time to first template',
    firstDeploy: 'Time to first deploy',
    day1Complete: 'Time to day 1 complete',
    firstPr: 'Time to first PR',
    tenthMergedPr: 'Time to 10th merged PR',
  },
  /** A completion rate: "75%". */
  percent: '{{value}}%',
  columns: {
    people: 'People',
    started: 'Started',
    completed: 'Completed',
    completion: 'Completion',
    path: 'Path',
    discipline: 'Discipline',
    cohort: 'Cohort',
    timeToComplete: 'Time to complete (from journey start)',
  },
  perPath: 'Completion per path',
  perDiscipline: 'Completion per discipline',
  cohortComparison: 'Cohort comparison',
  noCohorts: 'No cohorts yet.',
  funnel: {
    title: '{{path}}: funnel',
    stepLabel: '{{step}} funnel',
    stepsDone: 'Steps done',
    /** "Deploy: 2 completed, 1 dropped off, median 1h 0m, p90 2h 0m". */
    step: '{{step}}: {{completed}} completed, {{dropOff}} dropped off, {{time}}',
    stepHidden: '{{step}}: {{hidden}}',
    time: 'median {{median}}, p90 {{p90}}',
    timeHidden: 'median and p90 hidden: fewer than {{size}} people',
    method:
      'Each step: from the previous step (or the journey start) to its completion · median and p90 of the journeys that completed it · {{filters}}',
  },
} as const;
