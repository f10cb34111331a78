/** How a figure was computed (the method line), durations, hidden groups. */
export const method = {
  none: '—',
  duration: {
    minutes_one: '{{count}}m',
    minutes_other: '{{count}}m',
    hours_one: '{{count}}h',
    hours_other: '{{count}}h',
    days_one: '{{count}}d',
    days_other: '{{count}}d',
    /** "1h 30m". */
    hoursMinutes: '{{hours}} {{minutes}}',
    /** "2d 2h". */
    daysHours: '{{days}} {{hours}}',
  },
  hidden: 'Hidden: fewer than {{size}} people',
  hiddenWithN: '{{hidden}} (N {{n}})',
  clockStarts: {
    startDate: 'start date (onramp.dev/start-date, else first journey start)',
    firstJourneyStart: 'first journey start',
    journeyStart: 'journey start',
    previousStep: 'previous step',
  },
  clockFrom: 'From {{start}}',
  clockFromWithFallback: 'From {{start}}; {{n}} from journey start',
  /** "From journey start to first deploy.healthy evidence". */
  clock: '{{from}} to {{stop}}',
  filterNames: {
    pathId: 'path',
    discipline: 'discipline',
    cohortId: 'cohort',
    from: 'from',
    to: 'to',
    startMonth: 'started',
    stepId: 'step',
  },
  /** "cohort bootcamp". */
  filter: '{{name}} {{value}}',
  everyone: 'everyone',
  n: 'N {{n}}',
  nHidden: 'hidden',
  figures: 'median {{median}} · p90 {{p90}}',
  figuresHidden: 'median and p90 hidden',
  medianCell: '{{median}} (p90 {{p90}}, N {{n}})',
} as const;
