import {
  EmptyState,
  Content,
  ContentHeader,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  FormControl,
  Grid,
  InputLabel,
  LinearProgress,
  MenuItem,
  Select,
  Typography,
} from '@material-ui/core';
import {
  CompletionRate,
  DurationSummary,
  GoldenPathsMetrics,
  MetricsQuery,
  StepMetrics,
  fetchAllPages,
} from '@onramp/backstage-plugin-golden-paths-common';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathsApiRef } from '../api';
import {
  filtersText,
  formatDuration,
  hiddenText,
  medianCell,
  MethodLine,
  methodText,
} from './metricsMethod';
import { OnboardingTrends } from './OnboardingTrends';
import { PulseInsightsSection } from './PulseInsightsSection';
import { downloadCsv } from './util';

export { formatDuration } from './metricsMethod';

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** Started, completed and the completion rate: the columns every table shares. */
function completionColumns<T extends CompletionRate>(
  minimumGroupSize: number,
): TableColumn<T>[] {
  const cell = (row: T, value: string | number | null) =>
    row.suppressed || value === null ? hiddenText(minimumGroupSize) : value;
  return [
    { title: 'People', render: row => cell(row, row.people) },
    { title: 'Started', render: row => cell(row, row.started) },
    { title: 'Completed', render: row => cell(row, row.completed) },
    {
      title: 'Completion',
      render: row => cell(row, row.rate === null ? null : percent(row.rate)),
    },
  ];
}

/** A select bound to one query parameter of the metrics ('' is everything). */
const MetricsFilter = (props: {
  id: string;
  name: string;
  label: string;
  value?: string;
  onChange: (name: string, value: string) => void;
  options: ReadonlyArray<readonly [string, string]>;
}) => (
  <FormControl fullWidth>
    <InputLabel id={props.id}>{props.label}</InputLabel>
    <Select
      labelId={props.id}
      value={props.value ?? ''}
      onChange={e => props.onChange(props.name, String(e.target.value))}
    >
      {props.options.map(([value, label]) => (
        <MenuItem key={value} value={value}>
          {label}
        </MenuItem>
      ))}
    </Select>
  </FormControl>
);

const Summary = ({
  title,
  summary,
  minimumGroupSize,
}: {
  title: string;
  summary: DurationSummary;
  minimumGroupSize: number;
}) => (
  <InfoCard title={title}>
    <Typography variant="h4" component="p">
      {summary.suppressed
        ? hiddenText(minimumGroupSize)
        : formatDuration(summary.medianMs)}
    </Typography>
    <MethodLine>{methodText(summary)}</MethodLine>
  </InfoCard>
);

/** "2 completed, 1 dropped off, median 1h 0m, p90 2h 0m". */
function stepText(step: StepMetrics, minimumGroupSize: number): string {
  if (step.completed === null) {
    return `${step.title}: ${hiddenText(minimumGroupSize)}`;
  }
  const time = step.time.suppressed
    ? `median and p90 ${hiddenText(minimumGroupSize).toLocaleLowerCase()}`
    : `median ${formatDuration(step.time.medianMs)}, p90 ${formatDuration(
        step.time.p90Ms,
      )}`;
  return `${step.title}: ${step.completed} completed, ${step.dropOff} dropped off, ${time}`;
}

const Funnel = ({
  steps,
  started,
  minimumGroupSize,
}: {
  steps: StepMetrics[];
  started: number;
  minimumGroupSize: number;
}) => (
  <Box>
    {steps.map(step => (
      <Box key={step.stepId} mb={1} aria-label={`${step.title} funnel`}>
        <Typography variant="body2">
          {stepText(step, minimumGroupSize)}
        </Typography>
        <LinearProgress
          aria-label="Steps done"
          variant="determinate"
          value={started === 0 ? 0 : (100 * (step.completed ?? 0)) / started}
        />
      </Box>
    ))}
    {steps[0] && (
      <MethodLine>{`Each step: from the previous step (or the journey start) to its completion · median and p90 of the journeys that completed it · ${filtersText(
        { ...steps[0].time.method.filters, stepId: undefined },
      )}`}</MethodLine>
    )}
  </Box>
);

type PathRow = GoldenPathsMetrics['paths'][number] & { id: string };

const pathColumns = (minimumGroupSize: number): TableColumn<PathRow>[] => [
  { title: 'Path', field: 'title' },
  { title: 'Discipline', field: 'discipline' },
  ...completionColumns<PathRow>(minimumGroupSize),
  {
    title: 'Time to complete (from journey start)',
    render: row => medianCell(row.timeToComplete, minimumGroupSize),
  },
];

/** The figures, charts and tables of one answer of `GET /metrics`. */
const Insights = ({ metrics }: { metrics: GoldenPathsMetrics }) => {
  const k = metrics.minimumGroupSize;
  const summaries: Array<[string, DurationSummary | null]> = [
    ['Time to first template', metrics.timeToFirstTemplate],
    ['Time to first deploy', metrics.timeToFirstDeploy],
    ['Time to day 1 complete', metrics.timeToDay1Complete],
    ['Time to first PR', metrics.onboarding.overall.timeToFirstPr],
    ['Time to 10th merged PR', metrics.timeToTenthMergedPr],
  ];
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Typography variant="body2" color="textSecondary">
          Groups of fewer than {k} people are hidden, with one more group where
          exactly one would be, so no hidden figure is a total minus the rest.
          No figure here is about one person.
        </Typography>
      </Grid>
      {summaries.map(
        ([title, summary]) =>
          summary && (
            <Grid item xs={12} md={4} key={title}>
              <Summary title={title} summary={summary} minimumGroupSize={k} />
            </Grid>
          ),
      )}
      <Grid item xs={12}>
        <OnboardingTrends
          onboarding={metrics.onboarding}
          minimumGroupSize={k}
        />
      </Grid>
      <Grid item xs={12}>
        <Table<PathRow>
          title="Completion per path"
          options={{ paging: false, search: false }}
          columns={pathColumns(k)}
          data={metrics.paths.map(p => ({ ...p, id: p.pathId }))}
        />
      </Grid>
      {metrics.paths
        .filter(p => (p.started ?? 0) > 0)
        .map(p => (
          <Grid item xs={12} md={6} key={p.pathId}>
            <InfoCard title={`${p.title}: funnel`}>
              <Funnel
                steps={p.steps}
                started={p.started ?? 0}
                minimumGroupSize={k}
              />
            </InfoCard>
          </Grid>
        ))}
      <Grid item xs={12} md={6}>
        <Table
          title="Completion per discipline"
          options={{ paging: false, search: false }}
          columns={[
            { title: 'Discipline', field: 'discipline' },
            ...completionColumns<GoldenPathsMetrics['disciplines'][number]>(k),
          ]}
          data={metrics.disciplines}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <Table
          title="Cohort comparison"
          options={{ paging: false, search: false }}
          emptyContent={
            <Box p={2}>
              <Typography>No cohorts yet.</Typography>
            </Box>
          }
          columns={[
            { title: 'Cohort', field: 'title' },
            ...completionColumns<GoldenPathsMetrics['cohorts'][number]>(k),
          ]}
          data={metrics.cohorts}
        />
      </Grid>
    </Grid>
  );
};

/** Onboarding insights for the configured viewers: funnels, times, cohorts, CSV. */
export const InsightsPage = () => {
  const api = useApi(goldenPathsApiRef);
  const alertApi = useApi(alertApiRef);
  const [params, setParams] = useSearchParams();
  const query: MetricsQuery = {
    discipline: params.get('discipline') ?? undefined,
    cohortId: params.get('cohortId') ?? undefined,
  };

  const paths = useAsync(
    () => fetchAllPages(page => api.listPaths(page)),
    [api],
  );
  const cohorts = useAsync(
    () => fetchAllPages(page => api.listCohorts(page)),
    [api],
  );
  const metrics = useAsync(
    () => api.getMetrics(query),
    [api, query.discipline, query.cohortId],
  );

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(name, value);
    } else {
      next.delete(name);
    }
    setParams(next, { replace: true });
  };

  const exportCsv = (table: 'funnels' | 'onboarding') =>
    downloadCsv(
      () => api.getMetricsCsv({ ...query, table }),
      table === 'onboarding'
        ? 'golden-paths-onboarding.csv'
        : 'golden-paths-metrics.csv',
      alertApi,
    );

  const disciplines = Array.from(
    new Set((paths.value ?? []).map(p => p.discipline)),
  );

  return (
    <Page themeId="home">
      <Header
        title="Onboarding insights"
        subtitle="Is onboarding working? Funnels, times to first template, deploy and day-1 complete"
      >
        <Button component={RouterLink} to=".." relative="path">
          All paths
        </Button>
      </Header>
      <Content>
        <ContentHeader title="Golden path metrics">
          <Button variant="outlined" onClick={() => exportCsv('funnels')}>
            Export CSV
          </Button>
          <Box ml={1} component="span">
            <Button variant="outlined" onClick={() => exportCsv('onboarding')}>
              Export onboarding times CSV
            </Button>
          </Box>
        </ContentHeader>
        <Box display="flex" mb={2}>
          <Box mr={2} minWidth={200}>
            <MetricsFilter
              id="gp-discipline"
              name="discipline"
              label="Discipline"
              value={query.discipline}
              onChange={setFilter}
              options={[
                ['', 'All disciplines'],
                ...disciplines.map(d => [d, d] as const),
              ]}
            />
          </Box>
          <Box minWidth={240}>
            <MetricsFilter
              id="gp-cohort"
              name="cohortId"
              label="Cohort"
              value={query.cohortId}
              onChange={setFilter}
              options={[
                ['', 'Everyone'],
                ...(cohorts.value ?? []).map(c => [c.id, c.title] as const),
              ]}
            />
          </Box>
        </Box>
        {metrics.loading && <Progress />}
        {metrics.error &&
          ((metrics.error as { response?: { status?: number } }).response
            ?.status === 403 ? (
            <EmptyState
              missing="info"
              title="Onboarding insights are for the people who run onboarding"
              description="Only the users and groups listed in goldenPaths.metrics.viewers see cohort metrics. Ask your platform team if you need them."
            />
          ) : (
            <ResponseErrorPanel error={metrics.error} />
          ))}
        {metrics.value && <Insights metrics={metrics.value} />}
        {metrics.value && <PulseInsightsSection cohortId={query.cohortId} />}
      </Content>
    </Page>
  );
};
