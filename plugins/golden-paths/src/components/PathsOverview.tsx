import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { alertApiRef, configApiRef, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Chip,
  Grid,
  LinearProgress,
  Typography,
} from '@material-ui/core';
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { fetchAllPages } from '@onramp/backstage-plugin-golden-paths-common';
import { goldenPathsApiRef } from '../api';
import { goldenPathsTranslationRef } from '../translation';
import { humanizeRef } from './util';
import { ShareSkillExchangeSwitch } from './bootcamps/MyBootcamps';
import { PulseCard } from './PulseCard';

/** "Get started at <organization>": a card per discipline path. */
export const PathsOverview = () => {
  const api = useApi(goldenPathsApiRef);
  const alertApi = useApi(alertApiRef);
  const config = useApi(configApiRef);
  const navigate = useNavigate();
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  const organization =
    config.getOptionalString('organization.name') ??
    t('journey.overview.yourOrganization');
  const [choosing, setChoosing] = useState<string | undefined>();

  const { value, loading, error } = useAsync(async () => {
    // Every page: the overview shows all paths and all of my journeys.
    const [paths, journeys, me] = await Promise.all([
      fetchAllPages(page => api.listPaths(page)),
      fetchAllPages(page => api.getMyJourneys(page)),
      api.getMe(),
    ]);
    return { paths, journeys, me };
  }, [api]);

  const choose = async (pathId: string) => {
    setChoosing(pathId);
    try {
      await api.startJourney(pathId);
      navigate(encodeURIComponent(pathId));
    } catch (e) {
      alertApi.post({
        message: t('journey.failed', {
          failure: t('journey.startFailed'),
          reason: (e as Error).message,
        }),
        severity: 'error',
      });
      setChoosing(undefined);
    }
  };

  return (
    <Page themeId="home">
      <Header
        title={t('common.title')}
        subtitle={t('journey.overview.subtitle')}
      />
      <Content>
        <ContentHeader
          title={t('journey.overview.getStarted', { organization })}
        >
          <Button component={RouterLink} to="approvals">
            {t('journey.approvals.title')}
          </Button>
          <Button component={RouterLink} to="insights">
            {t('journey.overview.insights')}
          </Button>
          {value?.me.canManageCohorts && (
            <Button component={RouterLink} to="bootcamps">
              {t('journey.overview.bootcamps')}
            </Button>
          )}
          <Button component={RouterLink} to="team">
            {t('journey.overview.myTeam')}
          </Button>
        </ContentHeader>
        {value && <ShareSkillExchangeSwitch me={value.me} />}
        <PulseCard />
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && value.paths.length === 0 && (
          <EmptyState
            missing="content"
            title={t('journey.overview.emptyTitle', {
              paths: t('common.pathsInText'),
            })}
            description={t('journey.overview.emptyDescription')}
          />
        )}
        {value && value.paths.length > 0 && (
          <Grid container spacing={3}>
            {value.paths.map(path => {
              const journey = value.journeys.find(j => j.pathId === path.id);
              return (
                <Grid item xs={12} sm={6} md={4} key={path.id}>
                  <Card
                    component="article"
                    aria-label={path.title}
                    style={{
                      height: '100%',
                      display: 'flex',
                      flexDirection: 'column',
                    }}
                  >
                    <CardContent style={{ flexGrow: 1 }}>
                      <Typography variant="overline" color="textSecondary">
                        {humanizeRef(path.owner)}
                      </Typography>
                      {path.forYou && (
                        <Chip
                          size="small"
                          color="primary"
                          label={t('journey.overview.forYou')}
                          style={{ marginLeft: 8 }}
                        />
                      )}
                      <Typography variant="h5" component="h2" gutterBottom>
                        {path.title}
                      </Typography>
                      <Typography variant="body2">
                        {path.description}
                      </Typography>
                      {journey && (
                        <Box mt={2}>
                          <Typography variant="caption">
                            {t('journey.stepsDone', {
                              done: String(journey.completedSteps),
                              count: journey.totalSteps,
                            })}
                          </Typography>
                          <LinearProgress
                            aria-label={t('journey.stepsDoneLabel')}
                            variant="determinate"
                            value={
                              journey.totalSteps === 0
                                ? 0
                                : (100 * journey.completedSteps) /
                                  journey.totalSteps
                            }
                          />
                        </Box>
                      )}
                    </CardContent>
                    <CardActions>
                      {journey ? (
                        <Button
                          color="primary"
                          onClick={() => navigate(encodeURIComponent(path.id))}
                        >
                          {journey.status === 'completed'
                            ? t('journey.overview.review')
                            : t('journey.overview.continue')}
                        </Button>
                      ) : (
                        <Button
                          color="primary"
                          variant="contained"
                          disabled={choosing !== undefined}
                          onClick={() => choose(path.id)}
                        >
                          {t('journey.overview.choose')}
                        </Button>
                      )}
                    </CardActions>
                  </Card>
                </Grid>
              );
            })}
          </Grid>
        )}
      </Content>
    </Page>
  );
};
