import { useCallback, useEffect, useState } from 'react';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
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
import { skillExchangeApiRef } from '../api';
import { skillExchangeTranslationRef } from '../translation';
import {
  kindLabel,
  levelNameOf,
  SkillExchangeT,
  useSkillExchangePath,
} from './common';

const PAGE = 5;

/** A kind inside a sentence: "embed", "pairing session". */
function kindNoun(t: SkillExchangeT, kind: PostKind): string {
  return kind === 'pairing'
    ? t('profiles.growthActivities.pairingSession', {
        pairing: t('common.kindsInText.pairing'),
      })
    : t(`common.kindsInText.${kind}`);
}

/** "Accepted on an embed", "Joined a hack", "Their embed was filled", "Learned from". */
function describeActivity(
  t: SkillExchangeT,
  activity: GrowthActivity,
  mine: boolean,
): string {
  if (!activity.post) return t('profiles.growthActivities.learnedFrom');
  const kind = kindNoun(t, activity.post.kind);
  switch (activity.type) {
    case 'accepted':
      return activity.post.kind === 'mentorship'
        ? t('profiles.growthActivities.acceptedForMentorship', {
            mentorship: t('common.kindsInText.mentorship'),
          })
        : t('profiles.growthActivities.acceptedOn', { kind });
    case 'joined':
      return t('profiles.growthActivities.joined', {
        hack: t('common.kindsInText.hack'),
      });
    case 'paired':
      return t('profiles.growthActivities.paired');
    default:
      return mine
        ? t('profiles.growthActivities.myPostFilled', { kind })
        : t('profiles.growthActivities.theirPostFilled', { kind });
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
  const { t } = useTranslationRef(skillExchangeTranslationRef);
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
    <InfoCard title={t('profiles.growthActivities.title')}>
      {error && (
        <Alert
          severity="error"
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => load(items.length)}
            >
              {t('profiles.growthActivities.retry')}
            </Button>
          }
        >
          {t('profiles.growthActivities.loadError', {
            message: error.message,
          })}
        </Alert>
      )}
      {total === 0 && (
        <Typography variant="body2">
          {mine
            ? t('profiles.growthActivities.emptyMine', {
                hack: t('common.kindsInText.hack'),
                embed: t('common.kindsInText.embed'),
                mentorship: t('common.kindsInText.mentorship'),
              })
            : t('profiles.growthActivities.empty')}
        </Typography>
      )}
      {items.length > 0 && (
        <List dense aria-label={t('profiles.growthActivities.title')}>
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
                        {describeActivity(t, a, mine)} ·{' '}
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
          {t('profiles.growthActivities.showMore', {
            number: String(total - items.length),
          })}
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
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const { value, loading, error } = useAsync(
    () => api.getMyMatches({ limit: 5 }),
    [api],
  );
  return (
    <InfoCard
      title={t('profiles.recommended.title')}
      subheader={t('profiles.recommended.subheader')}
    >
      {loading && <Progress />}
      {error && (
        <Alert severity="error">
          {t('profiles.recommended.loadError', { message: error.message })}
        </Alert>
      )}
      {value && value.items.length === 0 && (
        <Typography variant="body2">
          {t('profiles.recommended.empty')}
        </Typography>
      )}
      {value && value.items.length > 0 && (
        <List dense aria-label={t('profiles.recommended.title')}>
          {value.items.map(({ post, reason }) => (
            <ListItem key={post.id} divider alignItems="flex-start">
              <ListItemText
                disableTypography
                primary={
                  <Typography variant="body2" component="div">
                    <Typography variant="caption" component="span">
                      {kindLabel(t, post.kind)} ·{' '}
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
                      {t('profiles.recommended.why', {
                        summary: reason.summary,
                      })}
                    </Typography>
                    {reason.matchedSkills.map(s => (
                      <Chip
                        key={`has-${s.skill}`}
                        size="small"
                        label={t('profiles.recommended.youAre', {
                          skill: s.skill,
                          level: levelNameOf(t, s.level),
                        })}
                        style={{ marginRight: 4, marginTop: 4 }}
                      />
                    ))}
                    {reason.learningGoals.map(skill => (
                      <Chip
                        key={`learn-${skill}`}
                        size="small"
                        variant="outlined"
                        label={t('profiles.recommended.wantToLearn', {
                          skill,
                        })}
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
          {t('profiles.recommended.shown', {
            shown: String(value.items.length),
            total: String(value.totalItems),
          })}
        </Typography>
      )}
    </InfoCard>
  );
};
