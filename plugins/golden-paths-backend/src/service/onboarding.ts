import {
  GoldenPathsMetrics,
  OnboardingMetrics,
  OnboardingTimes,
} from '@onramp/backstage-plugin-golden-paths-common';
import { OnboardingRow } from '../database/onboardingSql';

function times(row: OnboardingRow | undefined, pullRequests: boolean) {
  const none = { count: 0, medianMs: null };
  const result: OnboardingTimes = {
    people: row?.people ?? 0,
    countedFromJourneyStart: row?.countedFromJourneyStart ?? 0,
    timeToFirstPr: row?.firstPr ?? none,
    timeToTenthMergedPr: pullRequests ? row?.tenthMergedPr ?? none : null,
    timeToFirstDeploy: row?.firstDeploy ?? none,
  };
  return result;
}

/** The SQL groups as the API's onboarding metrics. */
export function onboardingMetrics(
  rows: OnboardingRow[],
  pullRequests: boolean,
): OnboardingMetrics {
  const byStartMonth: OnboardingMetrics['byStartMonth'] = [];
  const byCohort: OnboardingMetrics['byCohort'] = [];
  for (const row of rows) {
    const { group } = row;
    if (group.kind === 'month') {
      byStartMonth.push({ month: group.month, ...times(row, pullRequests) });
    } else if (group.kind === 'cohort') {
      byCohort.push({
        cohortId: group.cohortId,
        title: group.title,
        ...times(row, pullRequests),
      });
    }
  }
  byStartMonth.sort((a, b) => a.month.localeCompare(b.month));
  byCohort.sort((a, b) => a.cohortId.localeCompare(b.cohortId));
  return {
    overall: times(
      rows.find(r => r.group.kind === 'all'),
      pullRequests,
    ),
    byStartMonth,
    byCohort,
  };
}

/**
 * "12 of 40 people have no start date; counted from their journey start",
 * or undefined when everyone has one.
 */
export function fallbackSentence(t: OnboardingTimes): string | undefined {
  if (t.countedFromJourneyStart === 0) {
    return undefined;
  }
  return `${t.countedFromJourneyStart} of ${t.people} people have no start date; counted from their journey start`;
}

type CsvRow = Array<string | number | null | undefined>;

/**
 * The path funnels as one table for spreadsheets: a row per overall number,
 * path, step, discipline and cohort. Written by the one formula-safe CSV
 * writer.
 */
export function metricsTable(metrics: GoldenPathsMetrics): {
  header: string[];
  rows: CsvRow[];
} {
  const header = [
    'scope',
    'id',
    'title',
    'started',
    'completed',
    'completion_rate',
    'drop_off',
    'count',
    'median_ms',
  ];
  const lines: CsvRow[] = [];
  const overall: Array<[string, { count: number; medianMs: number | null }]> = [
    ['time_to_first_template', metrics.timeToFirstTemplate],
    ['time_to_first_pr', metrics.onboarding.overall.timeToFirstPr],
    ['time_to_first_deploy', metrics.timeToFirstDeploy],
    ['time_to_day1_complete', metrics.timeToDay1Complete],
  ];
  if (metrics.timeToTenthMergedPr) {
    overall.push(['time_to_10th_merged_pr', metrics.timeToTenthMergedPr]);
  }
  for (const [id, summary] of overall) {
    lines.push([
      'overall',
      id,
      '',
      '',
      '',
      '',
      '',
      summary.count,
      summary.medianMs,
    ]);
  }
  for (const p of metrics.paths) {
    lines.push([
      'path',
      p.pathId,
      p.title,
      p.started,
      p.completed,
      p.rate.toFixed(4),
      '',
      p.timeToComplete.count,
      p.timeToComplete.medianMs,
    ]);
    for (const s of p.steps) {
      lines.push([
        'step',
        `${p.pathId}/${s.stepId}`,
        s.title,
        '',
        s.completed,
        '',
        s.dropOff,
        s.completed,
        s.medianMs,
      ]);
    }
  }
  const completion = (
    scope: string,
    id: string,
    title: string,
    c: { started: number; completed: number; rate: number },
  ): CsvRow => [
    scope,
    id,
    title,
    c.started,
    c.completed,
    c.rate.toFixed(4),
    '',
    '',
    '',
  ];
  for (const d of metrics.disciplines) {
    lines.push(completion('discipline', d.discipline, d.discipline, d));
  }
  for (const c of metrics.cohorts) {
    lines.push(completion('cohort', c.cohortId, c.title, c));
  }
  return { header, rows: lines };
}

/**
 * The onboarding times as a table (`?format=csv&table=onboarding`): one row
 * overall, per start month and per cohort; each time as a count of people
 * who reached it and the median in milliseconds and days.
 */
export function onboardingTable(metrics: GoldenPathsMetrics): {
  header: string[];
  rows: CsvRow[];
} {
  const header = [
    'group',
    'id',
    'title',
    'people',
    'counted_from_journey_start',
  ];
  const names = ['first_pr', 'tenth_merged_pr', 'first_deploy'];
  for (const name of names) {
    header.push(`${name}_count`, `${name}_median_ms`, `${name}_median_days`);
  }
  const line = (
    group: string,
    id: string,
    title: string,
    t: OnboardingTimes,
  ) => {
    const row: CsvRow = [group, id, title, t.people, t.countedFromJourneyStart];
    for (const d of [
      t.timeToFirstPr,
      t.timeToTenthMergedPr,
      t.timeToFirstDeploy,
    ]) {
      const ms = d?.medianMs ?? null;
      row.push(
        d ? d.count : '',
        ms,
        ms === null ? '' : (ms / 86_400_000).toFixed(1),
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
