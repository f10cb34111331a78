import { useCallback, useEffect, useState } from 'react';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Button,
  List,
  ListItem,
  ListItemSecondaryAction,
  ListItemText,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import type {
  LearningGoalProgress,
  LearningResourceKind,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { useAction } from './useAction';

const KIND_NAMES: Record<LearningResourceKind, string> = {
  docs: 'Docs',
  course: 'Course',
  link: 'Link',
};

/** "Docs · 30 min · 1 of 2 done". */
function describeNext(goal: LearningGoalProgress): string {
  const { next } = goal;
  return [
    next && KIND_NAMES[next.kind],
    next?.minutes && `${next.minutes} min`,
    `${goal.completed} of ${goal.total} done`,
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
      title="Next for your learning goals"
      subheader="Learning resources for the skills you want to learn"
    >
      {!goals && !error && <Progress />}
      {error && (
        <Alert severity="error">
          Could not load your learning goals: {error.message}
        </Alert>
      )}
      {goals?.length === 0 && (
        <Typography variant="body2">
          No learning goals yet. Add some with "Edit profile" to see what to
          read or take next.
        </Typography>
      )}
      {goals && goals.length > 0 && (
        <List dense aria-label="Next for your learning goals">
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
                          ? 'All resources done'
                          : 'No learning resources yet'}
                      </Typography>
                    )}
                  </>
                }
                secondary={describeNext(goal)}
              />
              {goal.next && (
                <ListItemSecondaryAction>
                  <Button
                    size="small"
                    disabled={busy}
                    aria-label={`Mark done: ${goal.next.title}`}
                    onClick={() =>
                      run(
                        () => api.setLearningCompleted(goal.next!.id, true),
                        `Marked ${goal.next!.title} done`,
                      )
                    }
                  >
                    Mark done
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
