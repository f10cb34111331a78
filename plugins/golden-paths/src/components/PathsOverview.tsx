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
import { humanizeRef } from './util';
import { ShareSkillExchangeSwitch } from './bootcamps/MyBootcamps';
import { PulseCard } from './PulseCard';

/** "Get started at <organization>": a card per discipline path. */
export const PathsOverview = () => {
  const api = useApi(goldenPathsApiRef);
  const alertApi = useApi(alertApiRef);
  const config = useApi(configApiRef);
  const navigate = useNavigate();
  const organization =
    config.getOptionalString('organization.name') ?? 'your organization';
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
        message: `Could not start the path: ${(e as Error).message}`,
        severity: 'error',
      });
      setChoosing(undefined);
    }
  };

  return (
    <Page themeId="home">
      <Header
        title="Golden Paths"
        subtitle="Step-by-step journeys from your first day to shipping it"
      />
      <Content>
        <ContentHeader title={`Get started at ${organization}`}>
          <Button component={RouterLink} to="approvals">
            Approvals
          </Button>
          <Button component={RouterLink} to="insights">
            Onboarding insights
          </Button>
          {value?.me.canManageCohorts && (
            <Button component={RouterLink} to="bootcamps">
              Bootcamps
            </Button>
          )}
          <Button component={RouterLink} to="team">
            My team's onboarding
          </Button>
        </ContentHeader>
        {value && <ShareSkillExchangeSwitch me={value.me} />}
        <PulseCard />
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && value.paths.length === 0 && (
          <EmptyState
            missing="content"
            title="No golden paths yet"
            description="A platform team adds paths as GoldenPath entities in the catalog (a catalog location)."
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
                          label="For you"
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
                            {journey.completedSteps} of {journey.totalSteps}{' '}
                            steps done
                          </Typography>
                          <LinearProgress
                            aria-label="Steps done"
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
                            ? 'Review'
                            : 'Continue'}
                        </Button>
                      ) : (
                        <Button
                          color="primary"
                          variant="contained"
                          disabled={choosing !== undefined}
                          onClick={() => choose(path.id)}
                        >
                          Choose
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
