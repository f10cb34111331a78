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
  MenuItem,
  Select,
  Typography,
} from '@material-ui/core';
import {
  CompletionRate,
  DurationSummary,
  GoldenPathsMetrics,
  MetricsQuery,
  fetchAllPages,
} from '@onramp/backstage-plugin-golden-paths-common';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathsApiRef } from '../api';
import {
  formatDuration,
  hiddenText,
  medianCell,
  MethodLine,
  methodText,
} from './metricsMethod';
import { GoldenPathsT, useGoldenPathsT } from './translate';
import { Funnel } from './MetricsFunnel';
import { OnboardingTrends } from './OnboardingTrends';
import { PulseInsightsSection } from './PulseInsightsSection';
import { downloadCsv } from './util';

export { formatDuration } from './metricsMethod';

const percent = (t: GoldenPathsT, rate: number) =>
  t('insights.page.percent', { value: String(Math.round(rate * 100)) });

/** Started, completed and the completion rate: the columns every table shares. */
function completionColumns<T extends CompletionRate>(
  t: GoldenPathsT,
  minimumGroupSize: number,
): TableColumn<T>[] {
  const cell = (row: T, value: string | number | null) =>
    row.suppressed || value === null ? hiddenText(t, minimumGroupSize) : value;
  return [
    {
      title: t('insights.page.columns.people'),
      render: row => cell(row, row.people),
    },
    {
      title: t('insights.page.columns.started'),
      render: row => cell(row, row.started),
    },
    {
      title: t('insights.page.columns.completed'),
      render: row => cell(row, row.completed),
    },
    {
      title: t('insights.page.columns.completion'),
      render: row => cell(row, row.rate === null ? null : percent(t, row.rate)),
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
}) => {
  const t = useGoldenPathsT();
  return (
    <InfoCard title={title}>
      <Typography variant="h4" component="p">
        {summary.suppressed
          ? hiddenText(t, minimumGroupSize)
          : formatDuration(summary.medianMs, t)}
      </Typography>
      <MethodLine>{methodText(t, summary)}</MethodLine>
    </InfoCard>
  );
};

type PathRow = GoldenPathsMetrics['paths'][number] & { id: string };

const pathColumns = (
  t: GoldenPathsT,
  minimumGroupSize: number,
): TableColumn<PathRow>[] => [
  { title: t('insights.page.columns.path'), field: 'title' },
  { title: t('insights.page.columns.discipline'), field: 'discipline' },
  ...completionColumns<PathRow>(t, minimumGroupSize),
  {
    title: t('insights.page.columns.timeToComplete'),
    render: row => medianCell(t, row.timeToComplete, minimumGroupSize),
  },
];

/** The figures, charts and tables of one answer of `GET /metrics`. */
const Insights = ({ metrics }: { metrics: GoldenPathsMetrics }) => {
  const t = useGoldenPathsT();
  const k = metrics.minimumGroupSize;
  const summaries: Array<[string, DurationSummary | null]> = [
    [t('insights.page.summaries.firstTemplate'), metrics.timeToFirstTemplate],
    [t('insights.page.summaries.firstDeploy'), metrics.timeToFirstDeploy],
    [t('insights.page.summaries.day1Complete'), metrics.timeToDay1Complete],
    [
      t('insights.page.summaries.firstPr'),
      metrics.onboarding.overall.timeToFirstPr,
    ],
    [t('insights.page.summaries.tenthMergedPr'), metrics.timeToTenthMergedPr],
  ];
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Typography variant="body2" color="textSecondary">
          {t('insights.page.hiddenNote', { size: String(k) })}
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
          title={t('insights.page.perPath')}
          options={{ paging: false, search: false }}
          columns={pathColumns(t, k)}
          data={metrics.paths.map(p => ({ ...p, id: p.pathId }))}
        />
      </Grid>
      {metrics.paths
        .filter(p => (p.started ?? 0) > 0)
        .map(p => (
          <Grid item xs={12} md={6} key={p.pathId}>
            <InfoCard
              title={t('insights.page.funnel.title', { path: p.title })}
            >
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
          title={t('insights.page.perDiscipline')}
          options={{ paging: false, search: false }}
          columns={[
            {
              title: t('insights.page.columns.discipline'),
              field: 'discipline',
            },
            ...completionColumns<GoldenPathsMetrics['disciplines'][number]>(
              t,
              k,
            ),
          ]}
          data={metrics.disciplines}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <Table
          title={t('insights.page.cohortComparison')}
          options={{ paging: false, search: false }}
          emptyContent={
            <Box p={2}>
              <Typography>{t('insights.page.noCohorts')}</Typography>
            </Box>
          }
          columns={[
            { title: t('insights.page.columns.cohort'), field: 'title' },
            ...completionColumns<GoldenPathsMetrics['cohorts'][number]>(t, k),
          ]}
          data={metrics.cohorts}
        />
      </Grid>
    </Grid>
  );
};

/** Onboarding insights for the configured viewers: funnels, times, cohorts, CSV. */
export const InsightsPage = () => {
  const t = useGoldenPathsT();
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
        title={t('insights.page.title')}
        subtitle={t('insights.page.subtitle')}
      >
        <Button component={RouterLink} to=".." relative="path">
          {t('insights.page.allPaths')}
        </Button>
      </Header>
      <Content>
        <ContentHeader
          title={t('insights.page.metricsTitle', {
            path: t('common.path'),
          })}
        >
          <Button variant="outlined" onClick={() => exportCsv('funnels')}>
            {t('insights.page.exportCsv')}
          </Button>
          <Box ml={1} component="span">
            <Button variant="outlined" onClick={() => exportCsv('onboarding')}>
              {t('insights.page.exportOnboardingCsv')}
            </Button>
          </Box>
        </ContentHeader>
        <Box display="flex" mb={2}>
          <Box mr={2} minWidth={200}>
            <MetricsFilter
              id="gp-discipline"
              name="discipline"
              label={t('insights.page.filters.discipline')}
              value={query.discipline}
              onChange={setFilter}
              options={[
                ['', t('insights.page.filters.allDisciplines')],
                ...disciplines.map(d => [d, d] as const),
              ]}
            />
          </Box>
          <Box minWidth={240}>
            <MetricsFilter
              id="gp-cohort"
              name="cohortId"
              label={t('insights.page.filters.cohort')}
              value={query.cohortId}
              onChange={setFilter}
              options={[
                ['', t('insights.page.filters.everyone')],
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
              title={t('insights.page.forbidden.title')}
              description={t('insights.page.forbidden.description')}
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
