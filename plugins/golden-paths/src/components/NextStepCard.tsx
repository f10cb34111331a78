import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Button, LinearProgress, Typography } from '@material-ui/core';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { fetchAllPages } from '@onramp/backstage-plugin-golden-paths-common';
import { goldenPathsApiRef } from '../api';
import { templateUrl } from './util';
import { PulseDueNote } from './PulseCard';

/** "Your next step": the next unfinished step of my open journey. */
export const NextStepCard = ({
  basePath = '/golden-paths',
}: {
  basePath?: string;
}) => {
  const api = useApi(goldenPathsApiRef);
  const { value, loading, error } = useAsync(async () => {
    const journeys = await fetchAllPages(page => api.getMyJourneys(page));
    const open = journeys.filter(j => j.status !== 'completed');
    const journey = open[open.length - 1];
    if (!journey) {
      return { journey: undefined, path: undefined, finished: journeys.length };
    }
    const path = await api.getPath(journey.pathId);
    return { journey, path, finished: journeys.length - open.length };
  }, [api]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value?.journey || !value.path) {
    return (
      <Box>
        <PulseDueNote basePath={basePath} />
        <Typography variant="body1" paragraph>
          {value?.finished
            ? 'You have finished every golden path you started. Nice work!'
            : 'Pick the golden path for your discipline and ship something on day 1.'}
        </Typography>
        <Button
          variant="contained"
          color="primary"
          component={RouterLink}
          to={basePath}
        >
          Choose a golden path
        </Button>
      </Box>
    );
  }
  const { journey, path } = value;
  const step = path.steps.find(s => s.id === journey.nextStepId);
  const pathUrl = `${basePath}/${encodeURIComponent(path.id)}`;
  return (
    <Box>
      <PulseDueNote basePath={basePath} />
      <Typography variant="overline">{path.title} golden path</Typography>
      <LinearProgress
        aria-label="Steps done"
        variant="determinate"
        value={(100 * journey.completedSteps) / Math.max(1, journey.totalSteps)}
      />
      <Typography variant="caption">
        {journey.completedSteps} of {journey.totalSteps} steps done
      </Typography>
      {step && (
        <Box mt={2}>
          <Typography variant="h6">{step.title}</Typography>
          {step.description && (
            <Typography variant="body2" paragraph>
              {step.description}
            </Typography>
          )}
          {step.tutorial && (
            <Typography variant="body2" paragraph>
              Tutorial:{' '}
              <Link to={step.tutorial.url}>{step.tutorial.title}</Link>
            </Typography>
          )}
          {step.rule.type === 'template' ? (
            <Button
              variant="contained"
              color="primary"
              component={RouterLink}
              to={templateUrl(step.rule.templateRef)}
            >
              Run template
            </Button>
          ) : (
            <Button color="primary" component={RouterLink} to={pathUrl}>
              Open checklist
            </Button>
          )}
        </Box>
      )}
    </Box>
  );
};
