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
  DurationSummary,
  GoldenPathsMetrics,
  MetricsQuery,
  StepMetrics,
  fetchAllPages,
} from '@onramp/backstage-plugin-golden-paths-common';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathsApiRef } from '../api';
import { OnboardingTrends } from './OnboardingTrends';

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

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** Started, completed and the completion rate: the columns every table shares. */
function completionColumns<
  T extends { started: number; completed: number; rate: number },
>(): TableColumn<T>[] {
  return [
    { title: 'Started', field: 'started', type: 'numeric' },
    { title: 'Completed', field: 'completed', type: 'numeric' },
    { title: 'Completion', render: row => percent(row.rate) },
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
  from,
}: {
  title: string;
  summary: DurationSummary;
  /** What the time counts from, e.g. "start date". */
  from?: string;
}) => (
  <InfoCard title={title}>
    <Typography variant="h4" component="p">
      {formatDuration(summary.medianMs)}
    </Typography>
    <Typography variant="caption">
      median of {summary.count} people{from ? `, from ${from}` : ''}
    </Typography>
  </InfoCard>
);

const Funnel = ({
  steps,
  started,
}: {
  steps: StepMetrics[];
  started: number;
}) => (
  <Box>
    {steps.map(step => (
      <Box key={step.stepId} mb={1} aria-label={`${step.title} funnel`}>
        <Typography variant="body2">
          {step.title}: {step.completed} completed, {step.dropOff} dropped off,
          median {formatDuration(step.medianMs)}
        </Typography>
        <LinearProgress
          aria-label="Steps done"
          variant="determinate"
          value={started === 0 ? 0 : (100 * step.completed) / started}
        />
      </Box>
    ))}
  </Box>
);

type PathRow = GoldenPathsMetrics['paths'][number] & { id: string };

const pathColumns: TableColumn<PathRow>[] = [
  { title: 'Path', field: 'title' },
  { title: 'Discipline', field: 'discipline' },
  ...completionColumns<PathRow>(),
  {
    title: 'Median time to complete',
    render: row => formatDuration(row.timeToComplete.medianMs),
  },
];

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

  const exportCsv = async (table: 'funnels' | 'onboarding') => {
    try {
      const csv = await api.getMetricsCsv({ ...query, table });
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download =
        table === 'onboarding'
          ? 'golden-paths-onboarding.csv'
          : 'golden-paths-metrics.csv';
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      alertApi.post({
        message: `Could not export: ${(e as Error).message}`,
        severity: 'error',
      });
    }
  };

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
        {metrics.value && (
          <Grid container spacing={3}>
            <Grid item xs={12} md={4}>
              <Summary
                title="Time to first template"
                summary={metrics.value.timeToFirstTemplate}
              />
            </Grid>
            <Grid item xs={12} md={4}>
              <Summary
                title="Time to first deploy"
                summary={metrics.value.timeToFirstDeploy}
                from="start date"
              />
            </Grid>
            <Grid item xs={12} md={4}>
              <Summary
                title="Time to day 1 complete"
                summary={metrics.value.timeToDay1Complete}
              />
            </Grid>
            <Grid item xs={12} md={4}>
              <Summary
                title="Time to first PR"
                summary={metrics.value.onboarding.overall.timeToFirstPr}
                from="start date"
              />
            </Grid>
            {metrics.value.timeToTenthMergedPr && (
              <Grid item xs={12} md={4}>
                <Summary
                  title="Time to 10th merged PR"
                  summary={metrics.value.timeToTenthMergedPr}
                  from="start date"
                />
              </Grid>
            )}
            <Grid item xs={12}>
              <OnboardingTrends onboarding={metrics.value.onboarding} />
            </Grid>
            <Grid item xs={12}>
              <Table<PathRow>
                title="Completion per path"
                options={{ paging: false, search: false }}
                columns={pathColumns}
                data={metrics.value.paths.map(p => ({ ...p, id: p.pathId }))}
              />
            </Grid>
            {metrics.value.paths
              .filter(p => p.started > 0)
              .map(p => (
                <Grid item xs={12} md={6} key={p.pathId}>
                  <InfoCard title={`${p.title}: funnel`}>
                    <Funnel steps={p.steps} started={p.started} />
                  </InfoCard>
                </Grid>
              ))}
            <Grid item xs={12} md={6}>
              <Table
                title="Completion per discipline"
                options={{ paging: false, search: false }}
                columns={[
                  { title: 'Discipline', field: 'discipline' },
                  ...completionColumns(),
                ]}
                data={metrics.value.disciplines}
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
                  ...completionColumns(),
                ]}
                data={metrics.value.cohorts}
              />
            </Grid>
          </Grid>
        )}
      </Content>
    </Page>
  );
};
