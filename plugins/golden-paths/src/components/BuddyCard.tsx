import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Button, Typography } from '@material-ui/core';
import { JourneyBuddy } from '@onramp/backstage-plugin-golden-paths-common';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathsApiRef } from '../api';
import { goldenPathsTranslationRef } from '../translation';
import { useBusyAction } from './useBusyAction';
import { formatDate, humanizeRef } from './util';

/** A person's Skill Exchange profile page. */
export function skillExchangeProfileUrl(userEntityRef: string) {
  return `/skill-exchange/profiles/${encodeURIComponent(userEntityRef)}`;
}

const Buddy = ({ buddy }: { buddy: NonNullable<JourneyBuddy['buddy']> }) => (
  <>
    <Typography variant="h6" component="p">
      <Link to={skillExchangeProfileUrl(buddy.userEntityRef)}>
        {humanizeRef(buddy.userEntityRef)}
      </Link>
    </Typography>
    <Typography variant="body2" color="textSecondary" paragraph>
      {buddy.reason}
    </Typography>
  </>
);

/**
 * "Your buddy" on a journey: the suggested onboarding buddy with why, to
 * confirm or swap for another; once confirmed, the buddy and their Skill
 * Exchange profile.
 */
export const BuddyCard = ({ journeyId }: { journeyId: string }) => {
  const api = useApi(goldenPathsApiRef);
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  const [view, setView] = useState<JourneyBuddy>();
  const { loading, error } = useAsync(async () => {
    setView(await api.getJourneyBuddy(journeyId));
  }, [api, journeyId]);
  const { busy, run } = useBusyAction();

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!view?.enabled) return null;
  const { buddy } = view;
  const confirmation = ({
    confirmedBy,
    confirmedAt,
  }: NonNullable<JourneyBuddy['buddy']>) => {
    const by = confirmedBy ? humanizeRef(confirmedBy) : undefined;
    const date = confirmedAt ? formatDate(confirmedAt) : undefined;
    if (by && date) return t('journey.buddy.confirmedByOn', { by, date });
    if (by) return t('journey.buddy.confirmedBy', { by });
    if (date) return t('journey.buddy.confirmedOn', { date });
    return t('journey.buddy.confirmed');
  };
  const decide = (action: 'confirmBuddy' | 'declineBuddy', failure: string) =>
    run(failure, async () =>
      setView(await api[action](journeyId, buddy!.userEntityRef)),
    );

  return (
    <Box mb={3}>
      <InfoCard title={t('journey.buddy.title')}>
        {!buddy && (
          <Typography variant="body2">{t('journey.buddy.none')}</Typography>
        )}
        {buddy?.status === 'suggested' && (
          <>
            <Typography variant="body2">
              {t('journey.buddy.suggested')}
            </Typography>
            <Buddy buddy={buddy} />
            {view.canDecide && (
              <Box display="flex" style={{ gap: 8 }}>
                <Button
                  variant="contained"
                  color="primary"
                  disabled={busy}
                  onClick={() =>
                    decide('confirmBuddy', t('journey.buddy.confirmFailed'))
                  }
                >
                  {t('journey.buddy.confirm')}
                </Button>
                <Button
                  disabled={busy}
                  onClick={() =>
                    decide(
                      'declineBuddy',
                      t('journey.buddy.suggestAnotherFailed'),
                    )
                  }
                >
                  {t('journey.buddy.suggestAnother')}
                </Button>
              </Box>
            )}
          </>
        )}
        {buddy?.status === 'confirmed' && (
          <>
            <Typography variant="body2">{t('journey.buddy.yours')}</Typography>
            <Buddy buddy={buddy} />
            <Typography variant="body2" paragraph>
              {confirmation(buddy)}
            </Typography>
            <Button
              color="primary"
              variant="outlined"
              component={RouterLink}
              to={skillExchangeProfileUrl(buddy.userEntityRef)}
            >
              {t('journey.buddy.profile')}
            </Button>
          </>
        )}
      </InfoCard>
    </Box>
  );
};
