import {
  CompletionRate,
  DurationSummary,
  FigureFilters,
  GoldenPathsMetrics,
  OnboardingTimes,
} from '@onramp/backstage-plugin-golden-paths-common';

type CsvRow = Array<string | number | null | undefined>;

const DAY_MS = 86_400_000;

/** `discipline=Backend;startMonth=2026-10`: a figure's group and filters. */
export function filtersCell(filters: FigureFilters): string {
  return Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${value}`)
    .join(';');
}

const yesNo = (suppressed: boolean) => (suppressed ? 'true' : 'false');

/** N, median, p90 and the method of a duration figure (empty when absent). */
const FIGURE_COLUMNS = [
  'n',
  'median_ms',
  'p90_ms',
  'clock_start',
  'clock_stop',
  'counted_from_journey_start',
];

function figureCells(d: DurationSummary | undefined): CsvRow {
  if (!d) {
    return FIGURE_COLUMNS.map(() => '');
  }
  return [
    d.count,
    d.medianMs,
    d.p90Ms,
    d.method.clockStart,
    d.method.clockStop,
    d.method.countedFromJourneyStart,
  ];
}

/**
 * The path funnels as one table for spreadsheets: a row per overall figure,
 * path, step, discipline and cohort, each with its `suppressed` flag, N,
 * median, p90 and method (hidden groups: empty figures). Written by the one
 * formula-safe CSV writer.
 */
export function metricsTable(metrics: GoldenPathsMetrics): {
  header: string[];
  rows: CsvRow[];
} {
  const header = [
    'scope',
    'id',
    'title',
    'suppressed',
    'people',
    'started',
    'completed',
    'completion_rate',
    'drop_off',
    ...FIGURE_COLUMNS,
    'filters',
    'minimum_group_size',
    // Set on figures read from a rollup: its last full rebuild.
    'as_of',
  ];
  const k = metrics.minimumGroupSize;
  const lines: CsvRow[] = [];
  const line = (
    scope: string,
    id: string,
    title: string,
    suppressed: boolean,
    counts: Partial<CompletionRate> & { dropOff?: number | null },
    figure: DurationSummary | undefined,
    filters: FigureFilters,
  ) =>
    lines.push([
      scope,
      id,
      title,
      yesNo(suppressed),
      counts.people,
      counts.started,
      counts.completed,
      typeof counts.rate === 'number' ? counts.rate.toFixed(4) : '',
      counts.dropOff,
      ...figureCells(figure),
      filtersCell(filters),
      k,
      figure?.method.asOf ?? '',
    ]);
  const { overall } = metrics.onboarding;
  const overallFigures: Array<[string, DurationSummary | null]> = [
    ['time_to_first_template', metrics.timeToFirstTemplate],
    ['time_to_first_pr', overall.timeToFirstPr],
    ['time_to_first_deploy', metrics.timeToFirstDeploy],
    ['time_to_day1_complete', metrics.timeToDay1Complete],
    ['time_to_10th_merged_pr', metrics.timeToTenthMergedPr],
  ];
  for (const [id, figure] of overallFigures) {
    if (figure) {
      const { people } = overall;
      line('overall', id, '', figure.suppressed, { people }, figure, {
        ...figure.method.filters,
      });
    }
  }
  for (const p of metrics.paths) {
    const filters = p.timeToComplete.method.filters;
    line('path', p.pathId, p.title, p.suppressed, p, p.timeToComplete, filters);
    for (const s of p.steps) {
      line(
        'step',
        `${p.pathId}/${s.stepId}`,
        s.title,
        s.time.suppressed,
        { completed: s.completed, dropOff: s.dropOff },
        s.time,
        s.time.method.filters,
      );
    }
  }
  for (const d of metrics.disciplines) {
    line('discipline', d.discipline, d.discipline, d.suppressed, d, undefined, {
      ...metrics.filters,
      discipline: d.discipline,
    });
  }
  for (const c of metrics.cohorts) {
    line('cohort', c.cohortId, c.title, c.suppressed, c, undefined, {
      ...metrics.filters,
      cohortId: c.cohortId,
    });
  }
  return { header, rows: lines };
}

const days = (ms: number | null) =>
  ms === null ? '' : (ms / DAY_MS).toFixed(1);

/**
 * The onboarding times as a table (`?format=csv&table=onboarding`): one row
 * overall, per start month and per cohort, each with its `suppressed` flag,
 * people, the start-date method and filters; each time as N, median and
 * p90 (milliseconds and days). Hidden groups: empty figures.
 */
export function onboardingTable(metrics: GoldenPathsMetrics): {
  header: string[];
  rows: CsvRow[];
} {
  const header = [
    'group',
    'id',
    'title',
    'suppressed',
    'people',
    'counted_from_journey_start',
    'clock_start',
    'filters',
    'minimum_group_size',
  ];
  const names = ['first_pr', 'tenth_merged_pr', 'first_deploy'];
  for (const name of names) {
    header.push(
      `${name}_n`,
      `${name}_median_ms`,
      `${name}_p90_ms`,
      `${name}_median_days`,
      `${name}_p90_days`,
    );
  }
  const line = (
    group: string,
    id: string,
    title: string,
    t: OnboardingTimes,
  ) => {
    const { method } = t.timeToFirstPr;
    const row: CsvRow = [
      group,
      id,
      title,
      yesNo(t.suppressed),
      t.people,
      t.countedFromJourneyStart,
      method.clockStart,
      filtersCell(method.filters),
      metrics.minimumGroupSize,
    ];
    for (const d of [
      t.timeToFirstPr,
      t.timeToTenthMergedPr,
      t.timeToFirstDeploy,
    ]) {
      row.push(
        d ? d.count : '',
        d?.medianMs,
        d?.p90Ms,
        days(d?.medianMs ?? null),
        days(d?.p90Ms ?? null),
      );
    }
    return row;
  };
  const { onboarding } = metrics;
  return {
    header,
    rows: [
      line('overall', 'all', 'Everyone', onboarding.overall),
      ...onboarding.byStartMonth.map(m =>
        line('start_month', m.month, m.month, m),
      ),
      ...onboarding.byCohort.map(c => line('cohort', c.cohortId, c.title, c)),
    ],
  };
}
