/** Onboarding from the start date: the trend by start month and cohorts. */
export const trends = {
  title: 'Onboarding from the start date',
  subheader:
    "Median days from each person's start date (catalog annotation onramp.dev/start-date) to their first pull request, 10th merged pull request and first deploy, by the month they started",
  empty:
    'No one has started a path in this selection yet: the trend appears once people start.',
  /** The count may have a decimal: "3.5 days". */
  days_one: '{{count}} day',
  days_other: '{{count}} days',
  /** "3.5 days, p90 5.5 days (N 6)". */
  daysFigure: '{{median}}, p90 {{p90}} (N {{n}})',
  /** The people counted from their journey start for want of a start date. */
  fallbackNote_one:
    '{{fallback}} of {{count}} person has no start date; counted from their journey start.',
  fallbackNote_other:
    '{{fallback}} of {{count}} people have no start date; counted from their journey start.',
  firstPr: 'First PR',
  tenthPr: '10th merged PR',
  firstDeploy: 'First deploy',
  chart: {
    label: 'Median days from start date by start month: {{months}}',
    monthHidden: '{{month}} {{hidden}}',
    month:
      '{{month}} first PR {{firstPr}}, 10th merged PR {{tenthPr}}, first deploy {{firstDeploy}}',
    none: 'none',
    axis: 'days',
    tooltipValue: '{{value}} days',
    tooltipLabel: 'Started {{month}} ({{people}})',
  },
  method: {
    perMonth: 'median per start month (p90 in the CSV)',
    monthN: '{{month}} N {{n}}',
    hiddenMonths: '{{hidden}}: {{months}}',
  },
  byCohort: {
    title: 'Onboarding times by cohort',
    cohort: 'Cohort',
    people: 'People',
    fromJourneyStart: 'From journey start',
    method:
      'Each time: from the start date (onramp.dev/start-date, else first journey start) · median, p90 and N of the people who got there · {{filters}}, by cohort',
  },
} as const;
