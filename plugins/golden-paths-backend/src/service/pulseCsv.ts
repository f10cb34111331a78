import {
  PulseGroup,
  PulseInsights,
} from '@onramp/backstage-plugin-golden-paths-common';

type CsvRow = Array<string | number | null | undefined>;

const QUESTIONS = ['onboarded', 'productive'] as const;

function groupCells(group: PulseGroup): CsvRow {
  return [
    group.suppressed ? 'true' : 'false',
    group.answers,
    group.people,
    ...QUESTIONS.flatMap(q => [
      ...(group[q].distribution ?? [null, null, null, null, null]),
      group[q].mean,
    ]),
  ];
}

/**
 * The pulse insights as one table for spreadsheets: a row per group
 * (overall, day, cohort, discipline) with its `suppressed` flag, answers,
 * people, the counts of 1 to 5 and the mean of each question (hidden
 * groups: empty cells). Written by the one formula-safe CSV writer.
 */
export function pulseTable(insights: PulseInsights): {
  header: string[];
  rows: CsvRow[];
} {
  const header = [
    'scope',
    'group',
    'day_filter',
    'suppressed',
    'answers',
    'people',
    ...QUESTIONS.flatMap(q => [
      ...[1, 2, 3, 4, 5].map(score => `${q}_${score}`),
      `${q}_mean`,
    ]),
  ];
  const day = insights.filters.day ?? '';
  return {
    header,
    rows: [
      ['overall', 'all', day, ...groupCells(insights.overall)],
      ...insights.byDay.map(g => ['day', g.day, day, ...groupCells(g)]),
      ...insights.byCohort.map(g => [
        'cohort',
        g.cohortId,
        day,
        ...groupCells(g),
      ]),
      ...insights.byDiscipline.map(g => [
        'discipline',
        g.discipline,
        day,
        ...groupCells(g),
      ]),
    ],
  };
}
