import { useCallback, useEffect, useState } from 'react';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  Button,
  List,
  ListItem,
  ListItemSecondaryAction,
  ListItemText,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type { LearningGoalProgress } from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { skillExchangeTranslationRef } from '../translation';
import { SkillExchangeT } from './common';
import { useAction } from './useAction';

/** "Docs · 30 min · 1 of 2 done". */
function describeNext(t: SkillExchangeT, goal: LearningGoalProgress): string {
  const { next } = goal;
  return [
    next && t(`profiles.learning.kinds.${next.kind}`),
    next?.minutes &&
      t('profiles.learning.minutes', { minutes: String(next.minutes) }),
    t('profiles.learning.progress', {
      completed: String(goal.completed),
      total: String(goal.total),
    }),
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * My learning goals, each with the next learning resource not done yet and a
 * "Mark done" button; `onCompleted` after a resource was marked done (the
 * growth activities show it).
 */
export const LearningCard = ({ onCompleted }: { onCompleted: () => void }) => {
  const api = useApi(skillExchangeApiRef);
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const [goals, setGoals] = useState<LearningGoalProgress[]>();
  const [error, setError] = useState<Error>();
  const load = useCallback(async () => {
    try {
      setGoals(await api.getMyLearningGoals());
      setError(undefined);
    } catch (e) {
      setError(e as Error);
    }
  }, [api]);
  useEffect(() => {
    load();
  }, [load]);
  const { busy, run } = useAction(() => {
    load();
    onCompleted();
  });

  return (
    <InfoCard
      title={t('profiles.learning.title')}
      subheader={t('profiles.learning.subheader')}
    >
      {!goals && !error && <Progress />}
      {error && (
        <Alert severity="error">
          {t('profiles.learning.loadError', { message: error.message })}
        </Alert>
      )}
      {goals?.length === 0 && (
        <Typography variant="body2">{t('profiles.learning.empty')}</Typography>
      )}
      {goals && goals.length > 0 && (
        <List dense aria-label={t('profiles.learning.title')}>
          {goals.map(goal => (
            <ListItem key={goal.skill} divider>
              <ListItemText
                primary={
                  <>
                    <Typography variant="caption" component="span">
                      {goal.skill} ·{' '}
                    </Typography>
                    {goal.next ? (
                      <Link to={goal.next.url}>{goal.next.title}</Link>
                    ) : (
                      <Typography variant="body2" component="span">
                        {goal.total
                          ? t('profiles.learning.allDone')
                          : t('profiles.learning.noResources')}
                      </Typography>
                    )}
                  </>
                }
                secondary={describeNext(t, goal)}
              />
              {goal.next && (
                <ListItemSecondaryAction>
                  <Button
                    size="small"
                    disabled={busy}
                    aria-label={t('profiles.learning.markDoneLabel', {
                      title: goal.next.title,
                    })}
                    onClick={() =>
                      run(
                        () => api.setLearningCompleted(goal.next!.id, true),
                        t('profiles.learning.marked', {
                          title: goal.next!.title,
                        }),
                      )
                    }
                  >
                    {t('profiles.learning.markDone')}
                  </Button>
                </ListItemSecondaryAction>
              )}
            </ListItem>
          ))}
        </List>
      )}
    </InfoCard>
  );
};
