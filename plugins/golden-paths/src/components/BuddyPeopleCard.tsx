import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, LinearProgress, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathsApiRef } from '../api';
import { skillExchangeProfileUrl } from './BuddyCard';
import { humanizeRef } from './util';

/** "Your onboarding buddies": the people I am buddy to, with their progress. */
export const BuddyPeopleCard = () => {
  const api = useApi(goldenPathsApiRef);
  const { value, loading, error } = useAsync(
    () => api.listMyBuddyPeople(),
    [api],
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const people = value?.items ?? [];
  if (!people.length) {
    return (
      <Typography variant="body2">
        You are nobody's onboarding buddy yet. When a newcomer confirms you as
        their buddy, they appear here with their progress.
      </Typography>
    );
  }
  return (
    <ul aria-label="People you are buddy to" style={{ paddingLeft: 0 }}>
      {people.map(person => (
        <li key={person.journeyId} style={{ listStyle: 'none' }}>
          <Box mb={2}>
            <Typography variant="subtitle1" component="p">
              <Link
                to={skillExchangeProfileUrl(person.userEntityRef)}
                underline="always"
              >
                {humanizeRef(person.userEntityRef)}
              </Link>{' '}
              on the {person.pathTitle} golden path
            </Typography>
            <LinearProgress
              aria-label={`Steps ${humanizeRef(person.userEntityRef)} has done`}
              variant="determinate"
              value={
                (100 * person.completedSteps) / Math.max(1, person.totalSteps)
              }
            />
            <Typography variant="caption">
              {person.status === 'completed'
                ? `Finished all ${person.totalSteps} steps`
                : `${person.completedSteps} of ${person.totalSteps} steps done${
                    person.nextStepTitle
                      ? `; next: ${person.nextStepTitle}`
                      : ''
                  }`}
            </Typography>
          </Box>
        </li>
      ))}
    </ul>
  );
};
