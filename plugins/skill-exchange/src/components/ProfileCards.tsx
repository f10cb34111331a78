import { useCallback, useEffect, useState } from 'react';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Chip,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import useAsync from 'react-use/esm/useAsync';
import type {
  GrowthActivity,
  PostKind,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { levelName } from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { KIND_LABELS, useSkillExchangePath } from './common';

const PAGE = 5;

const KIND_NOUNS: Record<PostKind, string> = {
  embed: 'embed',
  hack: 'hack',
  mentorship: 'mentorship',
  pairing: 'pairing session',
};

/** "Accepted on the embed", "Joined the hack", "Their embed was filled", "Learned from". */
function describeActivity(activity: GrowthActivity, mine: boolean): string {
  if (!activity.post) return 'Learned from';
  const kind = KIND_NOUNS[activity.post.kind];
  switch (activity.type) {
    case 'accepted':
      return activity.post.kind === 'mentorship'
        ? 'Accepted for a mentorship'
        : `Accepted on an ${kind}`;
    case 'joined':
      return 'Joined a hack';
    case 'paired':
      return 'Paired in a session';
    default:
      return `${mine ? 'My' : 'Their'} ${kind} was filled`;
  }
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/**
 * What a person did to grow: embeds and mentorships they were accepted on,
 * hacks they joined, pairing sessions, their posts that got filled. Newest
 * first, paged.
 */
export const GrowthActivitiesCard = ({
  userRef,
  mine,
}: {
  /** A user ref, or `me`. */
  userRef: string;
  mine: boolean;
}) => {
  const api = useApi(skillExchangeApiRef);
  const path = useSkillExchangePath();
  const [items, setItems] = useState<GrowthActivity[]>([]);
  const [total, setTotal] = useState<number>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error>();

  const load = useCallback(
    async (offset: number) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await api.getGrowthActivities(userRef, {
          limit: PAGE,
          offset,
        });
        setItems(previous =>
          offset === 0 ? page.items : [...previous, ...page.items],
        );
        setTotal(page.totalItems);
      } catch (e) {
        setError(e as Error);
      } finally {
        setLoading(false);
      }
    },
    [api, userRef],
  );
  useEffect(() => {
    load(0);
  }, [load]);

  return (
    <InfoCard title="Growth activities">
      {error && (
        <Alert
          severity="error"
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => load(items.length)}
            >
              Retry
            </Button>
          }
        >
          Could not load growth activities: {error.message}
        </Alert>
      )}
      {total === 0 && (
        <Typography variant="body2">
          {mine
            ? 'Nothing yet. Join a hack, or express interest in an embed or a mentorship: what you take part in shows up here.'
            : 'Nothing yet.'}
        </Typography>
      )}
      {items.length > 0 && (
        <List dense aria-label="Growth activities">
          {items.map(a => {
            const target = a.post
              ? { key: a.post.id, to: path(`/posts/${a.post.id}`), ...a.post }
              : {
                  key: a.resource?.id,
                  to: a.resource?.url ?? '',
                  ...a.resource,
                };
            return (
              <ListItem key={`${a.type}-${target.key}`} divider>
                <ListItemText
                  primary={
                    <>
                      <Typography variant="caption" component="span">
                        {describeActivity(a, mine)} ·{' '}
                      </Typography>
                      <Link to={target.to}>{target.title}</Link>
                    </>
                  }
                  secondary={[formatDate(a.at), target.skills?.join(', ')]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </ListItem>
            );
          })}
        </List>
      )}
      {loading && <Progress />}
      {total !== undefined && items.length < total && !loading && (
        <Button size="small" onClick={() => load(items.length)}>
          Show more ({total - items.length} more)
        </Button>
      )}
    </InfoCard>
  );
};

/**
 * Open posts that fit my skills and learning goals, each with why it fits:
 * the matched skills at my level, my learning goals, my availability.
 */
export const RecommendedCard = () => {
  const api = useApi(skillExchangeApiRef);
  const path = useSkillExchangePath();
  const { value, loading, error } = useAsync(
    () => api.getMyMatches({ limit: 5 }),
    [api],
  );
  return (
    <InfoCard
      title="Recommended for you"
      subheader="Open posts that fit your skills and learning goals"
    >
      {loading && <Progress />}
      {error && (
        <Alert severity="error">
          Could not load recommendations: {error.message}
        </Alert>
      )}
      {value && value.items.length === 0 && (
        <Typography variant="body2">
          Nothing fits yet. Add skills and learning goals with "Edit profile" to
          get recommendations.
        </Typography>
      )}
      {value && value.items.length > 0 && (
        <List dense aria-label="Recommended for you">
          {value.items.map(({ post, reason }) => (
            <ListItem key={post.id} divider alignItems="flex-start">
              <ListItemText
                disableTypography
                primary={
                  <Typography variant="body2" component="div">
                    <Typography variant="caption" component="span">
                      {KIND_LABELS[post.kind]} ·{' '}
                    </Typography>
                    <Link to={path(`/posts/${post.id}`)}>{post.title}</Link>
                  </Typography>
                }
                secondary={
                  <Box mt={0.5}>
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      component="div"
                    >
                      Why: {reason.summary}
                    </Typography>
                    {reason.matchedSkills.map(s => (
                      <Chip
                        key={`has-${s.skill}`}
                        size="small"
                        label={`${s.skill}: you are ${levelName(s.level)}`}
                        style={{ marginRight: 4, marginTop: 4 }}
                      />
                    ))}
                    {reason.learningGoals.map(skill => (
                      <Chip
                        key={`learn-${skill}`}
                        size="small"
                        variant="outlined"
                        label={`${skill}: you want to learn it`}
                        style={{ marginRight: 4, marginTop: 4 }}
                      />
                    ))}
                  </Box>
                }
              />
            </ListItem>
          ))}
        </List>
      )}
      {value && value.totalItems > value.items.length && (
        <Typography variant="caption" color="textSecondary">
          {value.items.length} of {value.totalItems} shown, best first.
        </Typography>
      )}
    </InfoCard>
  );
};
