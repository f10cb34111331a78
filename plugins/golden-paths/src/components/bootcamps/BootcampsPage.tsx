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
import { GoldenPathsT, useGoldenPathsT } from '../translate';
import { CohortForm } from './CohortForm';

/** `2026-12-01 – 2026-12-19`, or from the start date only. */
export function cohortDates(
  t: GoldenPathsT,
  cohort: { startDate: string; endDate?: string },
) {
  return cohort.endDate
    ? t('bootcamps.dates.range', {
        start: cohort.startDate,
        end: cohort.endDate,
      })
    : t('bootcamps.dates.from', { start: cohort.startDate });
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
}) => {
  const t = useGoldenPathsT();
  return (
    <Page themeId="home">
      <Header title={title} subtitle={subtitle}>
        <Button component={RouterLink} to={back} relative="path">
          {t('bootcamps.back')}
        </Button>
      </Header>
      <Content>{children}</Content>
    </Page>
  );
};

/** What someone without the permission sees (the API answers 403 too). */
export const NotAllowed = () => {
  const t = useGoldenPathsT();
  return (
    <EmptyState
      missing="info"
      title={t('bootcamps.notAllowed.title')}
      description={t('bootcamps.notAllowed.description')}
    />
  );
};

/**
 * Bootcamps: every cohort with its path and dates, and a form to create one
 * from a catalog group or a list of people; for cohort managers only.
 */
export const BootcampsPage = () => {
  const t = useGoldenPathsT();
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
      title: t('bootcamps.list.columns.bootcamp'),
      field: 'title',
      render: c => (
        <Link to={encodeURIComponent(c.id)} underline="always">
          {c.title}
        </Link>
      ),
    },
    {
      title: t('bootcamps.list.columns.path'),
      render: c =>
        value?.paths?.find(p => p.id === c.pathId)?.title ??
        c.pathId ??
        t('bootcamps.none'),
    },
    {
      title: t('bootcamps.list.columns.dates'),
      render: c => cohortDates(t, c),
    },
    {
      title: t('bootcamps.list.columns.members'),
      render: c => c.members.length,
    },
  ];

  return (
    <BootcampsFrame
      title={t('bootcamps.list.title')}
      subtitle={t('bootcamps.list.subtitle')}
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && !value.me.canManageCohorts && <NotAllowed />}
      {value?.cohorts && (
        <>
          <Table
            title={t('bootcamps.list.tableTitle')}
            options={{ paging: false, search: false }}
            columns={columns}
            data={value.cohorts}
            emptyContent={<Box p={2}>{t('bootcamps.list.empty')}</Box>}
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
