import {
  FigureFilters,
  OnboardingMetrics,
  OnboardingTimes,
} from '@onramp/backstage-plugin-golden-paths-common';
import { Median } from '../database';
import { OnboardingRow } from '../database/onboardingSql';
import { durationFigure, groupsToHide } from './privacy';

/** What the onboarding figures need besides the SQL rows. */
export type OnboardingOptions = {
  /** Whether an SCM source feeds "time to 10th merged PR". */
  pullRequests: boolean;
  minimumGroupSize: number;
  deployEvidenceKey: string;
  /** The request's filters, which every figure's method repeats. */
  filters: FigureFilters;
};

function times(
  row: OnboardingRow | undefined,
  hidden: boolean,
  filters: FigureFilters,
  options: OnboardingOptions,
): OnboardingTimes {
  const fallback = hidden ? null : row?.countedFromJourneyStart ?? 0;
  const figure = (median: Median | undefined, clockStop: string) =>
    durationFigure(
      median ?? { count: 0, medianMs: null, p90Ms: null },
      {
        clockStart: 'start-date',
        clockStop,
        countedFromJourneyStart: fallback,
        filters,
      },
      { minimumGroupSize: options.minimumGroupSize, groupHidden: hidden },
    );
  return {
    people: hidden ? null : row?.people ?? 0,
    countedFromJourneyStart: fallback,
    suppressed: hidden,
    timeToFirstPr: figure(row?.firstPr, 'first pull request opened or merged'),
    timeToTenthMergedPr: options.pullRequests
      ? figure(row?.tenthMergedPr, '10th merged pull request')
      : null,
    timeToFirstDeploy: figure(
      row?.firstDeploy,
      `first ${options.deployEvidenceKey} evidence`,
    ),
  };
}

/**
 * The SQL groups as the API's onboarding metrics, with the groups under the
 * minimum size hidden (and one more where exactly one would be: see
 * {@link groupsToHide}). Each family is decided on the people of its groups.
 */
export function onboardingMetrics(
  rows: OnboardingRow[],
  options: OnboardingOptions,
): OnboardingMetrics {
  const { filters, minimumGroupSize } = options;
  const overallRow = rows.find(r => r.group.kind === 'all');
  const months = rows
    .flatMap(r => (r.group.kind === 'month' ? [{ ...r, group: r.group }] : []))
    .sort((a, b) => a.group.month.localeCompare(b.group.month));
  const cohorts = rows
    .flatMap(r => (r.group.kind === 'cohort' ? [{ ...r, group: r.group }] : []))
    .sort((a, b) => a.group.cohortId.localeCompare(b.group.cohortId));
  const overallPeople = overallRow?.people ?? 0;
  const overallHidden = overallPeople > 0 && overallPeople < minimumGroupSize;
  const hiddenMonths = groupsToHide(
    months.map(r => r.people),
    minimumGroupSize,
    overallHidden,
  );
  const hiddenCohorts = groupsToHide(
    cohorts.map(r => r.people),
    minimumGroupSize,
    overallHidden,
  );
  return {
    overall: times(overallRow, overallHidden, filters, options),
    byStartMonth: months.map((r, i) => ({
      month: r.group.month,
      ...times(
        r,
        hiddenMonths.has(i),
        { ...filters, startMonth: r.group.month },
        options,
      ),
    })),
    byCohort: cohorts.map((r, i) => ({
      cohortId: r.group.cohortId,
      title: r.group.title,
      ...times(
        r,
        hiddenCohorts.has(i),
        { ...filters, cohortId: r.group.cohortId },
        options,
      ),
    })),
  };
}
