import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Button, LinearProgress, Typography } from '@material-ui/core';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { fetchAllPages } from '@onramp/backstage-plugin-golden-paths-common';
import { goldenPathsApiRef } from '../api';
import { goldenPathsTranslationRef } from '../translation';
import { templateUrl } from './util';
import { PulseDueNote } from './PulseCard';

/** "Your next step": the next unfinished step of my open journey. */
export const NextStepCard = ({
  basePath = '/golden-paths',
}: {
  basePath?: string;
}) => {
  const api = useApi(goldenPathsApiRef);
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  const pathInText = t('common.pathInText');
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
            ? t('journey.nextStep.allFinished', { path: pathInText })
            : t('journey.nextStep.pick', { path: pathInText })}
        </Typography>
        <Button
          variant="contained"
          color="primary"
          component={RouterLink}
          to={basePath}
        >
          {t('journey.nextStep.choose', { path: pathInText })}
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
      <Typography variant="overline">
        {t('journey.pathTitle', { title: path.title, path: pathInText })}
      </Typography>
      <LinearProgress
        aria-label={t('journey.stepsDoneLabel')}
        variant="determinate"
        value={(100 * journey.completedSteps) / Math.max(1, journey.totalSteps)}
      />
      <Typography variant="caption">
        {t('journey.stepsDone', {
          done: String(journey.completedSteps),
          count: journey.totalSteps,
        })}
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
              {t('journey.tutorial', {
                link: <Link to={step.tutorial.url}>{step.tutorial.title}</Link>,
              })}
            </Typography>
          )}
          {step.rule.type === 'template' ? (
            <Button
              variant="contained"
              color="primary"
              component={RouterLink}
              to={templateUrl(step.rule.templateRef)}
            >
              {t('journey.runTemplate')}
            </Button>
          ) : (
            <Button color="primary" component={RouterLink} to={pathUrl}>
              {t('journey.nextStep.openChecklist')}
            </Button>
          )}
        </Box>
      )}
    </Box>
  );
};
