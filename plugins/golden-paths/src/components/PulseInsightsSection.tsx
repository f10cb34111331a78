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
  PULSE_QUESTIONS,
  PulseGroup,
  PulseInsights,
  PulseScores,
} from '@onramp/backstage-plugin-golden-paths-common';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathsApiRef } from '../api';
import { hiddenText } from './metricsMethod';
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
  const counts = scores.distribution ?? [0, 0, 0, 0, 0];
  const max = Math.max(1, ...counts);
  return (
    <Box
      display="flex"
      alignItems="flex-end"
      aria-label={`${label}: ${distributionText(scores)}`}
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
          mean {scores.mean === null ? '–' : scores.mean.toFixed(2)}
        </Typography>
      </Box>
    </Box>
  );
};

type Row = PulseGroup & { id: string; name: string };

function columns(k: number): TableColumn<Row>[] {
  const hidden = (row: Row) => row.suppressed;
  return [
    { title: 'Group', field: 'name' },
    {
      title: 'Answers',
      render: row => (hidden(row) ? hiddenText(k) : row.answers),
    },
    {
      title: PULSE_QUESTIONS.onboarded,
      render: row =>
        hidden(row) ? (
          ''
        ) : (
          <Distribution scores={row.onboarded} label="Onboarded" />
        ),
    },
    {
      title: PULSE_QUESTIONS.productive,
      render: row =>
        hidden(row) ? (
          ''
        ) : (
          <Distribution scores={row.productive} label="Productive" />
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
}) => (
  <Table<Row>
    title={props.title}
    subtitle={
      props.hidden > 0
        ? `${props.hidden} group${
            props.hidden === 1 ? '' : 's'
          } hidden (fewer than ${
            props.minimumGroupSize
          } people, or the next smallest)`
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
    columns={columns(props.minimumGroupSize)}
    data={props.rows}
  />
);

const PulseTables = ({ insights }: { insights: PulseInsights }) => {
  const families: Array<{
    title: string;
    rows: Row[];
    hidden: number;
    empty: string;
  }> = [
    {
      title: 'Pulse per day',
      rows: [
        { ...insights.overall, id: 'all', name: 'All days' },
        ...insights.byDay.map(d => ({
          ...d,
          id: `d${d.day}`,
          name: `Day ${d.day}`,
        })),
      ],
      hidden: insights.hiddenGroups.byDay,
      empty: 'No pulse answers yet.',
    },
    {
      title: 'Pulse per discipline',
      rows: insights.byDiscipline.map(d => ({
        ...d,
        id: d.discipline,
        name: d.discipline,
      })),
      hidden: insights.hiddenGroups.byDiscipline,
      empty: 'No answers from people on a golden path yet.',
    },
    {
      title: 'Pulse per cohort',
      rows: insights.byCohort.map(c => ({
        ...c,
        id: c.cohortId,
        name: c.title,
      })),
      hidden: insights.hiddenGroups.byCohort,
      empty: 'No answers from cohort members yet.',
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
              Pulse
            </Typography>
            <Button variant="outlined" onClick={exportCsv}>
              Export pulse CSV
            </Button>
          </Box>
        }
        subheader={`"${PULSE_QUESTIONS.onboarded}" and "${
          PULSE_QUESTIONS.productive
        }", 1 (not at all) to 5 (fully), asked at day 7, 30, 60 and 90 after the start date. Groups of fewer than ${
          insights.value?.minimumGroupSize ?? 5
        } people are hidden.`}
      >
        {insights.loading && <Progress />}
        {insights.value && <PulseTables insights={insights.value} />}
      </InfoCard>
    </Box>
  );
};
