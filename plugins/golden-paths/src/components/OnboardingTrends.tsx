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
  hiddenWithN,
  MethodLine,
} from './metricsMethod';
import { GoldenPathsT, useGoldenPathsT } from './translate';

const DAY = 86_400_000;

/** A median in days with one decimal, or null (no point on the chart). */
function days(summary: DurationSummary | null): number | null {
  return summary?.medianMs === null || summary?.medianMs === undefined
    ? null
    : Math.round((10 * summary.medianMs) / DAY) / 10;
}

/**
 * "3.5 days, p90 5.5 days (N 6)", "—" when nobody got there yet, or the
 * hidden text.
 */
export function formatDays(
  t: GoldenPathsT,
  summary: DurationSummary | null,
  minimumGroupSize: number,
): string {
  if (summary?.suppressed) {
    return summary.count === null
      ? hiddenText(t, minimumGroupSize)
      : hiddenWithN(t, minimumGroupSize, summary.count);
  }
  const d = days(summary);
  if (d === null) {
    return t('insights.method.none');
  }
  const p90 = days(summary && { ...summary, medianMs: summary.p90Ms });
  return t('insights.trends.daysFigure', {
    median: t('insights.trends.days', { count: d }),
    p90: t('insights.trends.days', { count: p90 ?? d }),
    n: String(summary!.count),
  });
}

/**
 * "12 of 40 people have no start date; counted from their journey start",
 * or undefined when everyone has one (or the group is hidden).
 */
export function fallbackNote(
  t: GoldenPathsT,
  times: OnboardingTimes,
): string | undefined {
  const { countedFromJourneyStart: fallback, people } = times;
  return fallback && people
    ? t('insights.trends.fallbackNote', {
        count: people,
        fallback: String(fallback),
      })
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
  const t = useGoldenPathsT();
  const data = months.map(m => ({
    month: m.month,
    people: m.people ?? hiddenText(t, minimumGroupSize),
    firstPr: days(m.timeToFirstPr),
    tenthPr: days(m.timeToTenthMergedPr),
    firstDeploy: days(m.timeToFirstDeploy),
  }));
  const lines = [
    ['firstPr', t('insights.trends.firstPr'), theme.palette.primary.main],
    ['tenthPr', t('insights.trends.tenthPr'), theme.palette.secondary.main],
    [
      'firstDeploy',
      t('insights.trends.firstDeploy'),
      theme.palette.success.main,
    ],
  ] as const;
  const value = (d: number | null) =>
    d === null ? t('insights.trends.chart.none') : String(d);
  return (
    <Box
      role="img"
      aria-label={t('insights.trends.chart.label', {
        months: data
          .map(d =>
            typeof d.people === 'string'
              ? t('insights.trends.chart.monthHidden', {
                  month: d.month,
                  hidden: d.people,
                })
              : t('insights.trends.chart.month', {
                  month: d.month,
                  firstPr: value(d.firstPr),
                  tenthPr: value(d.tenthPr),
                  firstDeploy: value(d.firstDeploy),
                }),
          )
          .join('; '),
      })}
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
            value: t('insights.trends.chart.axis'),
            angle: -90,
            position: 'insideLeft',
            fill: theme.palette.text.secondary,
          }}
        />
        <Tooltip
          formatter={(median, name) => [
            t('insights.trends.chart.tooltipValue', { value: String(median) }),
            name,
          ]}
          labelFormatter={(month, payload) =>
            t('insights.trends.chart.tooltipLabel', {
              month: String(month),
              people: String(payload?.[0]?.payload?.people ?? 0),
            })
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
function trendMethod(
  t: GoldenPathsT,
  onboarding: OnboardingMetrics,
  minimumGroupSize: number,
) {
  const { overall, byStartMonth } = onboarding;
  const hidden = byStartMonth.filter(m => m.suppressed).map(m => m.month);
  const n = byStartMonth
    .filter(m => !m.suppressed)
    .map(m =>
      t('insights.trends.method.monthN', {
        month: m.month,
        n: String(m.people),
      }),
    );
  return [
    clockText(t, overall.timeToFirstPr),
    t('insights.trends.method.perMonth'),
    ...(n.length > 0 ? [n.join(', ')] : []),
    ...(hidden.length > 0
      ? [
          t('insights.trends.method.hiddenMonths', {
            hidden: hiddenText(t, minimumGroupSize),
            months: hidden.join(', '),
          }),
        ]
      : []),
    filtersText(t, overall.timeToFirstPr.method.filters),
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
  const t = useGoldenPathsT();
  const note = fallbackNote(t, onboarding.overall);
  const k = minimumGroupSize;
  return (
    <InfoCard
      title={t('insights.trends.title')}
      subheader={t('insights.trends.subheader')}
    >
      {note && (
        <Typography variant="body2" color="textSecondary" paragraph>
          {note}
        </Typography>
      )}
      {onboarding.byStartMonth.length === 0 ? (
        <Typography variant="body2">{t('insights.trends.empty')}</Typography>
      ) : (
        <>
          <OnboardingTrendChart
            months={onboarding.byStartMonth}
            minimumGroupSize={k}
          />
          <MethodLine>{trendMethod(t, onboarding, k)}</MethodLine>
        </>
      )}
      {onboarding.byCohort.length > 0 && (
        <Box mt={2}>
          <Table<CohortRow>
            title={t('insights.trends.byCohort.title')}
            options={{ paging: false, search: false }}
            columns={[
              { title: t('insights.trends.byCohort.cohort'), field: 'title' },
              {
                title: t('insights.trends.byCohort.people'),
                render: r => r.people ?? hiddenText(t, k),
              },
              {
                title: t('insights.trends.byCohort.fromJourneyStart'),
                render: r => r.countedFromJourneyStart ?? hiddenText(t, k),
              },
              {
                title: t('insights.trends.firstPr'),
                render: r => formatDays(t, r.timeToFirstPr, k),
              },
              {
                title: t('insights.trends.tenthPr'),
                render: r => formatDays(t, r.timeToTenthMergedPr, k),
              },
              {
                title: t('insights.trends.firstDeploy'),
                render: r => formatDays(t, r.timeToFirstDeploy, k),
              },
            ]}
            data={onboarding.byCohort.map(c => ({ ...c, id: c.cohortId }))}
          />
          <MethodLine>
            {t('insights.trends.byCohort.method', {
              filters: filtersText(
                t,
                onboarding.overall.timeToFirstPr.method.filters,
              ),
            })}
          </MethodLine>
        </Box>
      )}
    </InfoCard>
  );
};
