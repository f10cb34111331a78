import {
  Content,
  EmptyState,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { Box, Button } from '@material-ui/core';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  Cohort,
  fetchAllPages,
} from '@onramp/backstage-plugin-golden-paths-common';
import { ReactNode } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathsApiRef } from '../../api';
import { CohortForm } from './CohortForm';

/** `2026-12-01 – 2026-12-19`, or from the start date only. */
export function cohortDates(cohort: { startDate: string; endDate?: string }) {
  return cohort.endDate
    ? `${cohort.startDate} – ${cohort.endDate}`
    : `from ${cohort.startDate}`;
}

/** The page frame of the bootcamp screens, with a way back. */
export const BootcampsFrame = ({
  title,
  subtitle,
  back = '..',
  children,
}: {
  title: string;
  subtitle?: string;
  back?: string;
  children: ReactNode;
}) => (
  <Page themeId="home">
    <Header title={title} subtitle={subtitle}>
      <Button component={RouterLink} to={back} relative="path">
        Back
      </Button>
    </Header>
    <Content>{children}</Content>
  </Page>
);

/** What someone without the permission sees (the API answers 403 too). */
export const NotAllowed = () => (
  <EmptyState
    missing="info"
    title="Bootcamps are for cohort managers"
    description="You need the golden-paths.cohort.manage permission (and to be one of goldenPaths.metrics.viewers) to run bootcamps. Ask your platform team if you should."
  />
);

/**
 * Bootcamps: every cohort with its path and dates, and a form to create one
 * from a catalog group or a list of people; for cohort managers only.
 */
export const BootcampsPage = () => {
  const api = useApi(goldenPathsApiRef);
  const catalogApi = useApi(catalogApiRef);
  const navigate = useNavigate();
  const { value, loading, error } = useAsync(async () => {
    const me = await api.getMe();
    if (!me.canManageCohorts) return { me };
    const [cohorts, paths, groups] = await Promise.all([
      fetchAllPages(page => api.listCohorts(page)),
      fetchAllPages(page => api.listPaths(page)),
      catalogApi.getEntities({
        filter: { kind: 'Group' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'spec.profile',
        ],
      }),
    ]);
    return {
      me,
      cohorts,
      paths,
      groups: groups.items
        .map(g => ({
          ref: stringifyEntityRef(g),
          title:
            (g.spec as any)?.profile?.displayName ??
            g.metadata.title ??
            g.metadata.name,
        }))
        .sort((a, b) => a.title.localeCompare(b.title)),
    };
  }, [api, catalogApi]);

  const columns: TableColumn<Cohort>[] = [
    {
      title: 'Bootcamp',
      field: 'title',
      render: c => (
        <Link to={encodeURIComponent(c.id)} underline="always">
          {c.title}
        </Link>
      ),
    },
    {
      title: 'Path',
      render: c =>
        value?.paths?.find(p => p.id === c.pathId)?.title ?? c.pathId ?? '—',
    },
    { title: 'Dates', render: c => cohortDates(c) },
    { title: 'Members', render: c => c.members.length },
  ];

  return (
    <BootcampsFrame
      title="Bootcamps"
      subtitle="Cohorts of newcomers on a path together: progress, and a nudge when someone is stuck"
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && !value.me.canManageCohorts && <NotAllowed />}
      {value?.cohorts && (
        <>
          <Table
            title="Cohorts"
            options={{ paging: false, search: false }}
            columns={columns}
            data={value.cohorts}
            emptyContent={
              <Box p={2}>No bootcamps yet: create the first one below.</Box>
            }
          />
          <Box mt={3}>
            <CohortForm
              owner={value.me.userEntityRef}
              paths={value.paths!}
              groups={value.groups!}
              onCreated={id => navigate(encodeURIComponent(id))}
            />
          </Box>
        </>
      )}
    </BootcampsFrame>
  );
};
