import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, LinearProgress, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathsApiRef } from '../api';
import { goldenPathsTranslationRef } from '../translation';
import { skillExchangeProfileUrl } from './BuddyCard';
import { humanizeRef } from './util';

/** "Your onboarding buddies": the people I am buddy to, with their progress. */
export const BuddyPeopleCard = () => {
  const api = useApi(goldenPathsApiRef);
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  const { value, loading, error } = useAsync(
    () => api.listMyBuddyPeople(),
    [api],
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const people = value?.items ?? [];
  const progress = (person: (typeof people)[number]) => {
    const count = person.totalSteps;
    const done = String(person.completedSteps);
    if (person.status === 'completed') {
      return t('journey.buddyPeople.finished', { count });
    }
    return person.nextStepTitle
      ? t('journey.buddyPeople.stepsDoneNext', {
          count,
          done,
          next: person.nextStepTitle,
        })
      : t('journey.stepsDone', { count, done });
  };
  if (!people.length) {
    return (
      <Typography variant="body2">{t('journey.buddyPeople.none')}</Typography>
    );
  }
  return (
    <ul
      aria-label={t('journey.buddyPeople.listLabel')}
      style={{ paddingLeft: 0 }}
    >
      {people.map(person => (
        <li key={person.journeyId} style={{ listStyle: 'none' }}>
          <Box mb={2}>
            <Typography variant="subtitle1" component="p">
              {t('journey.buddyPeople.onPath', {
                person: (
                  <Link
                    to={skillExchangeProfileUrl(person.userEntityRef)}
                    underline="always"
                  >
                    {humanizeRef(person.userEntityRef)}
                  </Link>
                ),
                title: person.pathTitle,
                path: t('common.pathInText'),
              })}
            </Typography>
            <LinearProgress
              aria-label={t('journey.buddyPeople.progressLabel', {
                person: humanizeRef(person.userEntityRef),
              })}
              variant="determinate"
              value={
                (100 * person.completedSteps) / Math.max(1, person.totalSteps)
              }
            />
            <Typography variant="caption">{progress(person)}</Typography>
          </Box>
        </li>
      ))}
    </ul>
  );
};
