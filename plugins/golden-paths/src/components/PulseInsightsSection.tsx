import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { Box, Button, Grid, Typography } from '@material-ui/core';
import {
  PulseGroup,
  PulseInsights,
  PulseScores,
} from '@onramp/backstage-plugin-golden-paths-common';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathsApiRef } from '../api';
import { hiddenText } from './metricsMethod';
import { GoldenPathsT, useGoldenPathsT } from './translate';
import { downloadCsv } from './util';

/** "1: 2 · 2: 0 · 3: 5 · 4: 3 · 5: 1". */
function distributionText(scores: PulseScores) {
  return (scores.distribution ?? [])
    .map((n, i) => `${i + 1}: ${n}`)
    .join(' · ');
}

/** A question's distribution as five small bars, and its mean. */
const Distribution = ({
  scores,
  label,
}: {
  scores: PulseScores;
  label: string;
}) => {
  const t = useGoldenPathsT();
  const counts = scores.distribution ?? [0, 0, 0, 0, 0];
  const max = Math.max(1, ...counts);
  return (
    <Box
      display="flex"
      alignItems="flex-end"
      aria-label={t('insights.pulse.insights.distribution', {
        label,
        distribution: distributionText(scores),
      })}
      role="img"
    >
      {counts.map((n, i) => (
        <Box key={i} mr={0.5} textAlign="center" minWidth={32}>
          <Box
            bgcolor="primary.main"
            height={Math.round((40 * n) / max)}
            minHeight={n > 0 ? 2 : 0}
          />
          <Typography variant="caption" component="div" noWrap>
            {i + 1}: {n}
          </Typography>
        </Box>
      ))}
      <Box ml={1}>
        <Typography variant="body2">
          {t('insights.pulse.insights.mean', {
            mean:
              scores.mean === null
                ? t('insights.pulse.insights.noMean')
                : scores.mean.toFixed(2),
          })}
        </Typography>
      </Box>
    </Box>
  );
};

type Row = PulseGroup & { id: string; name: string };

function columns(t: GoldenPathsT, k: number): TableColumn<Row>[] {
  const hidden = (row: Row) => row.suppressed;
  return [
    { title: t('insights.pulse.insights.group'), field: 'name' },
    {
      title: t('insights.pulse.insights.answers'),
      render: row => (hidden(row) ? hiddenText(t, k) : row.answers),
    },
    {
      title: t('insights.pulse.questions.onboarded'),
      render: row =>
        hidden(row) ? (
          ''
        ) : (
          <Distribution
            scores={row.onboarded}
            label={t('insights.pulse.insights.onboarded')}
          />
        ),
    },
    {
      title: t('insights.pulse.questions.productive'),
      render: row =>
        hidden(row) ? (
          ''
        ) : (
          <Distribution
            scores={row.productive}
            label={t('insights.pulse.insights.productive')}
          />
        ),
    },
  ];
}

const Family = (props: {
  title: string;
  rows: Row[];
  hidden: number;
  minimumGroupSize: number;
  empty: string;
}) => {
  const t = useGoldenPathsT();
  return (
    <Table<Row>
      title={props.title}
      subtitle={
        props.hidden > 0
          ? t('insights.pulse.insights.hiddenGroups', {
              count: props.hidden,
              size: String(props.minimumGroupSize),
            })
          : undefined
      }
      options={{
        paging: false,
        search: false,
        sorting: false,
        padding: 'dense',
      }}
      emptyContent={
        <Box p={2}>
          <Typography>{props.empty}</Typography>
        </Box>
      }
      columns={columns(t, props.minimumGroupSize)}
      data={props.rows}
    />
  );
};

const PulseTables = ({ insights }: { insights: PulseInsights }) => {
  const t = useGoldenPathsT();
  const families: Array<{
    title: string;
    rows: Row[];
    hidden: number;
    empty: string;
  }> = [
    {
      title: t('insights.pulse.insights.perDay'),
      rows: [
        {
          ...insights.overall,
          id: 'all',
          name: t('insights.pulse.insights.allDays'),
        },
        ...insights.byDay.map(d => ({
          ...d,
          id: `d${d.day}`,
          name: t('insights.pulse.insights.day', { day: String(d.day) }),
        })),
      ],
      hidden: insights.hiddenGroups.byDay,
      empty: t('insights.pulse.insights.noAnswers'),
    },
    {
      title: t('insights.pulse.insights.perDiscipline'),
      rows: insights.byDiscipline.map(d => ({
        ...d,
        id: d.discipline,
        name: d.discipline,
      })),
      hidden: insights.hiddenGroups.byDiscipline,
      empty: t('insights.pulse.insights.noDisciplineAnswers', {
        path: t('common.pathInText'),
      }),
    },
    {
      title: t('insights.pulse.insights.perCohort'),
      rows: insights.byCohort.map(c => ({
        ...c,
        id: c.cohortId,
        name: c.title,
      })),
      hidden: insights.hiddenGroups.byCohort,
      empty: t('insights.pulse.insights.noCohortAnswers'),
    },
  ];
  return (
    <Grid container spacing={3}>
      {families.map(family => (
        <Grid item xs={12} key={family.title}>
          <Family {...family} minimumGroupSize={insights.minimumGroupSize} />
        </Grid>
      ))}
    </Grid>
  );
};

/**
 * The Insights page's "Pulse" section: how onboarded and productive people
 * feel at day 7, 30, 60 and 90, per day, discipline and cohort, with the
 * hidden groups counted, and the CSV.
 */
export const PulseInsightsSection = (props: { cohortId?: string }) => {
  const t = useGoldenPathsT();
  const api = useApi(goldenPathsApiRef);
  const alertApi = useApi(alertApiRef);
  const query = { cohortId: props.cohortId };
  const insights = useAsync(
    () => api.getPulseInsights(query),
    [api, props.cohortId],
  );

  const exportCsv = () =>
    downloadCsv(
      () => api.getPulseInsightsCsv(query),
      'golden-paths-pulse.csv',
      alertApi,
    );

  if (insights.error) {
    // The metrics above already say when the reader may not see insights.
    return (insights.error as { response?: { status?: number } }).response
      ?.status === 403 ? null : (
      <ResponseErrorPanel error={insights.error} />
    );
  }
  return (
    <Box mt={4} component="section" aria-labelledby="gp-pulse-heading">
      <InfoCard
        title={
          <Box
            display="flex"
            alignItems="center"
            justifyContent="space-between"
          >
            <Typography variant="h5" component="h2" id="gp-pulse-heading">
              {t('insights.pulse.insights.heading')}
            </Typography>
            <Button variant="outlined" onClick={exportCsv}>
              {t('insights.pulse.insights.exportCsv')}
            </Button>
          </Box>
        }
        subheader={t('insights.pulse.insights.subheader', {
          onboarded: t('insights.pulse.questions.onboarded'),
          productive: t('insights.pulse.questions.productive'),
          size: String(insights.value?.minimumGroupSize ?? 5),
        })}
      >
        {insights.loading && <Progress />}
        {insights.value && <PulseTables insights={insights.value} />}
      </InfoCard>
    </Box>
  );
};
