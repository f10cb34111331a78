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

const DAY = 86_400_000;

/** A median in days with one decimal, or null (no point on the chart). */
function days(summary: DurationSummary | null): number | null {
  return summary?.medianMs === null || summary?.medianMs === undefined
    ? null
    : Math.round((10 * summary.medianMs) / DAY) / 10;
}

/** "3.5 days (4 people)", or "—" when nobody got there yet. */
export function formatDays(summary: DurationSummary | null): string {
  const d = days(summary);
  return d === null
    ? '—'
    : `${d} day${d === 1 ? '' : 's'} (${summary!.count} ${
        summary!.count === 1 ? 'person' : 'people'
      })`;
}

/**
 * "12 of 40 people have no start date; counted from their journey start",
 * or undefined when everyone has one.
 */
export function fallbackNote(times: OnboardingTimes): string | undefined {
  return times.countedFromJourneyStart > 0
    ? `${times.countedFromJourneyStart} of ${times.people} ${
        times.people === 1 ? 'person has' : 'people have'
      } no start date; counted from their journey start.`
    : undefined;
}

/**
 * The trend of the median days to first PR, to 10th merged PR and to first
 * deploy, per month in which people started (recharts line chart).
 */
export const OnboardingTrendChart = ({
  months,
  width = 760,
  height = 300,
}: {
  months: OnboardingMetrics['byStartMonth'];
  width?: number;
  height?: number;
}) => {
  const theme = useTheme();
  const data = months.map(m => ({
    month: m.month,
    people: m.people,
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
        .map(
          d =>
            `${d.month} first PR ${d.firstPr ?? 'none'}, 10th merged PR ${
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
            `Started ${month} (${payload?.[0]?.payload?.people ?? 0} people)`
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

/** Onboarding times from the start date: the trend by month and cohorts. */
export const OnboardingTrends = ({
  onboarding,
}: {
  onboarding: OnboardingMetrics;
}) => {
  const note = fallbackNote(onboarding.overall);
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
        <OnboardingTrendChart months={onboarding.byStartMonth} />
      )}
      {onboarding.byCohort.length > 0 && (
        <Box mt={2}>
          <Table<CohortRow>
            title="Onboarding times by cohort"
            options={{ paging: false, search: false }}
            columns={[
              { title: 'Cohort', field: 'title' },
              { title: 'People', field: 'people', type: 'numeric' },
              {
                title: 'From journey start',
                field: 'countedFromJourneyStart',
                type: 'numeric',
              },
              { title: 'First PR', render: r => formatDays(r.timeToFirstPr) },
              {
                title: '10th merged PR',
                render: r => formatDays(r.timeToTenthMergedPr),
              },
              {
                title: 'First deploy',
                render: r => formatDays(r.timeToFirstDeploy),
              },
            ]}
            data={onboarding.byCohort.map(c => ({ ...c, id: c.cohortId }))}
          />
        </Box>
      )}
    </InfoCard>
  );
};
