import { InfoCard, Table } from '@backstage/core-components';
import { Box, Typography, useTheme } from '@material-ui/core';
import {
  DurationSummary,
  OnboardingMetrics,
  OnboardingTimes,
} from '@onramp/backstage-plugin-golden-paths-common';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  clockText,
  filtersText,
  hiddenText,
  MethodLine,
} from './metricsMethod';

const DAY = 86_400_000;

/** A median in days with one decimal, or null (no point on the chart). */
function days(summary: DurationSummary | null): number | null {
  return summary?.medianMs === null || summary?.medianMs === undefined
    ? null
    : Math.round((10 * summary.medianMs) / DAY) / 10;
}

const dayText = (d: number) => `${d} day${d === 1 ? '' : 's'}`;

/**
 * "3.5 days, p90 5.5 days (N 6)", "—" when nobody got there yet, or the
 * hidden text.
 */
export function formatDays(
  summary: DurationSummary | null,
  minimumGroupSize: number,
): string {
  if (summary?.suppressed) {
    const n = summary.count === null ? '' : ` (N ${summary.count})`;
    return `${hiddenText(minimumGroupSize)}${n}`;
  }
  const d = days(summary);
  if (d === null) {
    return '—';
  }
  const p90 = days(summary && { ...summary, medianMs: summary.p90Ms });
  return `${dayText(d)}, p90 ${dayText(p90 ?? d)} (N ${summary!.count})`;
}

/**
 * "12 of 40 people have no start date; counted from their journey start",
 * or undefined when everyone has one (or the group is hidden).
 */
export function fallbackNote(times: OnboardingTimes): string | undefined {
  const { countedFromJourneyStart: fallback, people } = times;
  return fallback && people
    ? `${fallback} of ${people} ${
        people === 1 ? 'person has' : 'people have'
      } no start date; counted from their journey start.`
    : undefined;
}

/**
 * The trend of the median days to first PR, to 10th merged PR and to first
 * deploy, per month in which people started (recharts line chart).
 */
export const OnboardingTrendChart = ({
  months,
  minimumGroupSize,
  width = 760,
  height = 300,
}: {
  months: OnboardingMetrics['byStartMonth'];
  minimumGroupSize: number;
  width?: number;
  height?: number;
}) => {
  const theme = useTheme();
  const data = months.map(m => ({
    month: m.month,
    people: m.people ?? hiddenText(minimumGroupSize),
    firstPr: days(m.timeToFirstPr),
    tenthPr: days(m.timeToTenthMergedPr),
    firstDeploy: days(m.timeToFirstDeploy),
  }));
  const lines = [
    ['firstPr', 'First PR', theme.palette.primary.main],
    ['tenthPr', '10th merged PR', theme.palette.secondary.main],
    ['firstDeploy', 'First deploy', theme.palette.success.main],
  ] as const;
  return (
    <Box
      role="img"
      aria-label={`Median days from start date by start month: ${data
        .map(d =>
          typeof d.people === 'string'
            ? `${d.month} ${d.people}`
            : `${d.month} first PR ${d.firstPr ?? 'none'}, 10th merged PR ${
                d.tenthPr ?? 'none'
              }, first deploy ${d.firstDeploy ?? 'none'}`,
        )
        .join('; ')}`}
      style={{ overflowX: 'auto' }}
    >
      <LineChart
        width={width}
        height={height}
        data={data}
        margin={{ top: 8, right: 48, bottom: 8, left: 16 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" stroke={theme.palette.text.secondary} />
        <YAxis
          stroke={theme.palette.text.secondary}
          label={{
            value: 'days',
            angle: -90,
            position: 'insideLeft',
            fill: theme.palette.text.secondary,
          }}
        />
        <Tooltip
          formatter={(value, name) => [`${value} days`, name]}
          labelFormatter={(month, payload) =>
            `Started ${month} (${payload?.[0]?.payload?.people ?? 0})`
          }
        />
        <Legend verticalAlign="top" height={32} />
        {lines.map(([key, name, color]) => (
          <Line
            key={key}
            type="monotone"
            dataKey={key}
            name={name}
            stroke={color}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </Box>
  );
};

type CohortRow = OnboardingMetrics['byCohort'][number] & { id: string };

/** The method line of the trend: clock, N per month, hidden months, filters. */
function trendMethod(onboarding: OnboardingMetrics, minimumGroupSize: number) {
  const { overall, byStartMonth } = onboarding;
  const hidden = byStartMonth.filter(m => m.suppressed).map(m => m.month);
  const n = byStartMonth
    .filter(m => !m.suppressed)
    .map(m => `${m.month} N ${m.people}`);
  return [
    clockText(overall.timeToFirstPr),
    'median per start month (p90 in the CSV)',
    ...(n.length > 0 ? [n.join(', ')] : []),
    ...(hidden.length > 0
      ? [`${hiddenText(minimumGroupSize)}: ${hidden.join(', ')}`]
      : []),
    filtersText(overall.timeToFirstPr.method.filters),
  ].join(' · ');
}

/** Onboarding times from the start date: the trend by month and cohorts. */
export const OnboardingTrends = ({
  onboarding,
  minimumGroupSize,
}: {
  onboarding: OnboardingMetrics;
  minimumGroupSize: number;
}) => {
  const note = fallbackNote(onboarding.overall);
  const k = minimumGroupSize;
  return (
    <InfoCard
      title="Onboarding from the start date"
      subheader="Median days from each person's start date (catalog annotation onramp.dev/start-date) to their first pull request, 10th merged pull request and first deploy, by the month they started"
    >
      {note && (
        <Typography variant="body2" color="textSecondary" paragraph>
          {note}
        </Typography>
      )}
      {onboarding.byStartMonth.length === 0 ? (
        <Typography variant="body2">
          No one has started a path in this selection yet: the trend appears
          once people start.
        </Typography>
      ) : (
        <>
          <OnboardingTrendChart
            months={onboarding.byStartMonth}
            minimumGroupSize={k}
          />
          <MethodLine>{trendMethod(onboarding, k)}</MethodLine>
        </>
      )}
      {onboarding.byCohort.length > 0 && (
        <Box mt={2}>
          <Table<CohortRow>
            title="Onboarding times by cohort"
            options={{ paging: false, search: false }}
            columns={[
              { title: 'Cohort', field: 'title' },
              {
                title: 'People',
                render: r => r.people ?? hiddenText(k),
              },
              {
                title: 'From journey start',
                render: r => r.countedFromJourneyStart ?? hiddenText(k),
              },
              {
                title: 'First PR',
                render: r => formatDays(r.timeToFirstPr, k),
              },
              {
                title: '10th merged PR',
                render: r => formatDays(r.timeToTenthMergedPr, k),
              },
              {
                title: 'First deploy',
                render: r => formatDays(r.timeToFirstDeploy, k),
              },
            ]}
            data={onboarding.byCohort.map(c => ({ ...c, id: c.cohortId }))}
          />
          <MethodLine>
            {`Each time: from the start date (onramp.dev/start-date, else first journey start) · median, p90 and N of the people who got there · ${filtersText(
              onboarding.overall.timeToFirstPr.method.filters,
            )}, by cohort`}
          </MethodLine>
        </Box>
      )}
    </InfoCard>
  );
};
