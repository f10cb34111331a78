import { Typography } from '@material-ui/core';
import {
  ClockStart,
  DurationSummary,
  FigureFilters,
} from '@onramp/backstage-plugin-golden-paths-common';
import { GoldenPathsT } from './translate';

/** 5400000 -> "1h 30m". */
export function formatDuration(ms: number | null, t: GoldenPathsT): string {
  if (ms === null) {
    return t('insights.method.none');
  }
  const minutes = Math.round(ms / 60000);
  if (minutes < 60) {
    return t('insights.method.duration.minutes', { count: minutes });
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return t('insights.method.duration.hoursMinutes', {
      hours: t('insights.method.duration.hours', { count: hours }),
      minutes: t('insights.method.duration.minutes', { count: minutes % 60 }),
    });
  }
  return t('insights.method.duration.daysHours', {
    days: t('insights.method.duration.days', { count: Math.floor(hours / 24) }),
    hours: t('insights.method.duration.hours', { count: hours % 24 }),
  });
}

/** What the UI shows instead of a hidden group's figures. */
export function hiddenText(t: GoldenPathsT, minimumGroupSize: number): string {
  return t('insights.method.hidden', { size: String(minimumGroupSize) });
}

const CLOCK_STARTS = {
  'start-date': 'startDate',
  'first-journey-start': 'firstJourneyStart',
  'journey-start': 'journeyStart',
  'previous-step': 'previousStep',
} as const satisfies Record<ClockStart, string>;

const FILTER_KEYS: Array<keyof FigureFilters> = [
  'pathId',
  'discipline',
  'cohortId',
  'from',
  'to',
  'startMonth',
  'stepId',
];

/** "cohort bootcamp, started 2026-10", or "everyone". */
export function filtersText(t: GoldenPathsT, filters: FigureFilters): string {
  const parts = FILTER_KEYS.filter(key => filters[key]).map(key =>
    t('insights.method.filter', {
      name: t(`insights.method.filterNames.${key}`),
      value: String(filters[key]),
    }),
  );
  return parts.length > 0 ? parts.join(', ') : t('insights.method.everyone');
}

/**
 * The method of a duration figure in one line: "From start date (...; 1 of
 * 3 from journey start) to first deploy.healthy evidence · N 6 · median 3d
 * 2h · p90 5d 2h · everyone".
 */
export function methodText(t: GoldenPathsT, summary: DurationSummary): string {
  const clock = t('insights.method.clock', {
    from: clockText(t, summary),
    stop: summary.method.clockStop,
  });
  const n = t('insights.method.n', {
    n:
      summary.count === null
        ? t('insights.method.nHidden')
        : String(summary.count),
  });
  const figures = summary.suppressed
    ? t('insights.method.figuresHidden')
    : t('insights.method.figures', {
        median: formatDuration(summary.medianMs, t),
        p90: formatDuration(summary.p90Ms, t),
      });
  return [clock, n, figures, filtersText(t, summary.method.filters)].join(
    ' · ',
  );
}

/** "From start date (...); 1 from journey start": where the clock starts. */
export function clockText(t: GoldenPathsT, summary: DurationSummary): string {
  const { clockStart, countedFromJourneyStart } = summary.method;
  const start = t(`insights.method.clockStarts.${CLOCK_STARTS[clockStart]}`);
  return countedFromJourneyStart === null ||
    countedFromJourneyStart === undefined
    ? t('insights.method.clockFrom', { start })
    : t('insights.method.clockFromWithFallback', {
        start,
        n: String(countedFromJourneyStart),
      });
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

/** "Hidden: fewer than 5 people (N 3)". */
export function hiddenWithN(
  t: GoldenPathsT,
  minimumGroupSize: number,
  n: number,
): string {
  return t('insights.method.hiddenWithN', {
    hidden: hiddenText(t, minimumGroupSize),
    n: String(n),
  });
}

/** A duration's median for a table cell, or the hidden text. */
export function medianCell(
  t: GoldenPathsT,
  summary: DurationSummary,
  minimumGroupSize: number,
): string {
  if (summary.count === null) {
    return hiddenText(t, minimumGroupSize);
  }
  if (summary.suppressed) {
    return hiddenWithN(t, minimumGroupSize, summary.count);
  }
  return t('insights.method.medianCell', {
    median: formatDuration(summary.medianMs, t),
    p90: formatDuration(summary.p90Ms, t),
    n: String(summary.count),
  });
}
