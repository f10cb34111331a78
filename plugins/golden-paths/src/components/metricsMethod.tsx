import { Typography } from '@material-ui/core';
import {
  ClockStart,
  DurationSummary,
  FigureFilters,
} from '@onramp/backstage-plugin-golden-paths-common';

/** 5400000 -> "1h 30m". */
export function formatDuration(ms: number | null): string {
  if (ms === null) {
    return '—';
  }
  const minutes = Math.round(ms / 60000);
  if (minutes < 60) {
    return `${minutes}m`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return `${hours}h ${minutes % 60}m`;
  }
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** What the UI shows instead of a hidden group's figures. */
export function hiddenText(minimumGroupSize: number): string {
  return `Hidden: fewer than ${minimumGroupSize} people`;
}

const CLOCK_STARTS: Record<ClockStart, string> = {
  'start-date': 'start date (onramp.dev/start-date, else first journey start)',
  'first-journey-start': 'first journey start',
  'journey-start': 'journey start',
  'previous-step': 'previous step',
};

const FILTER_NAMES: Record<keyof FigureFilters, string> = {
  pathId: 'path',
  discipline: 'discipline',
  cohortId: 'cohort',
  from: 'from',
  to: 'to',
  startMonth: 'started',
  stepId: 'step',
};

/** "cohort bootcamp, started 2026-10", or "everyone". */
export function filtersText(filters: FigureFilters): string {
  const parts = (Object.keys(FILTER_NAMES) as Array<keyof FigureFilters>)
    .filter(key => filters[key])
    .map(key => `${FILTER_NAMES[key]} ${filters[key]}`);
  return parts.length > 0 ? parts.join(', ') : 'everyone';
}

/**
 * The method of a duration figure in one line: "From start date (...; 1 of
 * 3 from journey start) to first deploy.healthy evidence · N 6 · median 3d
 * 2h · p90 5d 2h · everyone".
 */
export function methodText(summary: DurationSummary): string {
  const clock = `${clockText(summary)} to ${summary.method.clockStop}`;
  const n = `N ${summary.count ?? 'hidden'}`;
  const figures = summary.suppressed
    ? 'median and p90 hidden'
    : `median ${formatDuration(summary.medianMs)} · p90 ${formatDuration(
        summary.p90Ms,
      )}`;
  return [clock, n, figures, filtersText(summary.method.filters)].join(' · ');
}

/** "From start date (...); 1 from journey start": where the clock starts. */
export function clockText(summary: DurationSummary): string {
  const { clockStart, countedFromJourneyStart } = summary.method;
  const fallback =
    countedFromJourneyStart === null || countedFromJourneyStart === undefined
      ? ''
      : `; ${countedFromJourneyStart} from journey start`;
  return `From ${CLOCK_STARTS[clockStart]}${fallback}`;
}

/** The method line under a figure or chart. */
export const MethodLine = ({ children }: { children: string }) => (
  <Typography
    variant="caption"
    color="textSecondary"
    component="p"
    data-testid="method-line"
  >
    {children}
  </Typography>
);

/** A duration's median for a table cell, or the hidden text. */
export function medianCell(
  summary: DurationSummary,
  minimumGroupSize: number,
): string {
  if (summary.count === null) {
    return hiddenText(minimumGroupSize);
  }
  if (summary.suppressed) {
    return `${hiddenText(minimumGroupSize)} (N ${summary.count})`;
  }
  return `${formatDuration(summary.medianMs)} (p90 ${formatDuration(
    summary.p90Ms,
  )}, N ${summary.count})`;
}
