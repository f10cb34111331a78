import { Link } from '@backstage/core-components';
import {
  Avatar,
  Box,
  Card,
  CardActions,
  CardContent,
  Chip,
  makeStyles,
  Typography,
} from '@material-ui/core';
import { AvatarGroup } from '@material-ui/lab';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { Post } from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeTranslationRef } from '../translation';
import {
  formatStart,
  LevelLabel,
  placesOf,
  placesTakenLabel,
  shortRef,
  SkillChips,
  SkillExchangeT,
  timeShareText,
  useSkillExchangePath,
} from './common';

const useStyles = makeStyles(theme => ({
  card: { height: '100%', display: 'flex', flexDirection: 'column' },
  content: { flexGrow: 1 },
  summary: {
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    marginBottom: theme.spacing(1),
  },
  details: {
    color: theme.palette.text.secondary,
    marginBottom: theme.spacing(1),
  },
  avatar: { width: 28, height: 28, fontSize: 12 },
}));

/** The plain-text start of a markdown description, for cards. */
export function summaryOf(markdown: string): string {
  return markdown
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/[#*_`>[\]()!]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Can offer help with" or "Looking for help with", above a post's skills. */
export function helpWithLabel(t: SkillExchangeT, post: Post): string {
  return (post.kind === 'mentorship' || post.kind === 'pairing') &&
    post.mode === 'offering'
    ? t('posts.helpWith.offering')
    : t('posts.helpWith.seeking');
}

export const PostDetails = ({ post }: { post: Post }) => {
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const places = placesOf(post);
  const taken = places ? ` · ${placesTakenLabel(t, places)}` : '';
  switch (post.kind) {
    case 'embed': {
      const location = t(`posts.location.${post.location}`);
      return (
        <>
          {t('posts.postCard.embedDetails', {
            timeShare: timeShareText(
              t,
              post.timeSharePercent,
              post.durationWeeks,
            ),
            start: formatStart(post.start),
            location: post.office ? `${location} (${post.office})` : location,
            level: <LevelLabel level={post.level} />,
            team: shortRef(post.team),
          })}
          {taken}
        </>
      );
    }
    case 'hack':
      return (
        <>
          {[
            t(`posts.stage.${post.stage}`),
            ...(post.location
              ? [t(`posts.hackLocation.${post.location}`)]
              : []),
            ...(post.category
              ? [t(`posts.hackCategory.${post.category}`)]
              : []),
            t('posts.postCard.members', { count: post.members.length }),
            t('posts.postCard.following', {
              count: post.followerCount,
            }),
          ].join(' · ')}
        </>
      );
    case 'pairing':
      return (
        <>
          {post.mode === 'offering'
            ? t('posts.postCard.pairingOffering', {
                minutes: String(post.durationMinutes),
              })
            : t('posts.postCard.pairingSeeking', {
                minutes: String(post.durationMinutes),
              })}
          {' · '}
          {t('posts.postCard.slots', { count: post.slots.length })}
          {post.booking ? ` · ${t('posts.postCard.booked')}` : ''}
        </>
      );
    default:
      return (
        <>
          {t(`posts.mentorshipMode.${post.mode}`)}
          {taken}
        </>
      );
  }
};

export const PostCard = ({
  post,
  highlight,
}: {
  post: Post;
  highlight?: string[];
}) => {
  const classes = useStyles();
  const path = useSkillExchangePath();
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  return (
    <Card className={classes.card} variant="outlined" data-testid="post-card">
      <CardContent className={classes.content}>
        <Box display="flex" alignItems="center" mb={1} style={{ gap: 6 }}>
          <Chip
            size="small"
            label={t(`common.kinds.${post.kind}`)}
            variant="outlined"
          />
          {post.kind === 'hack' && (
            <Chip
              size="small"
              color={post.stage === 'completed' ? 'default' : 'primary'}
              label={t(`posts.stage.${post.stage}`)}
            />
          )}
          {post.status !== 'open' && (
            <Chip size="small" label={t(`posts.status.${post.status}`)} />
          )}
          {post.saved && (
            <Chip size="small" label={t('posts.postCard.saved')} />
          )}
        </Box>
        <Typography variant="h6" component="h3" gutterBottom>
          <Link to={path(`/posts/${post.id}`)}>{post.title}</Link>
        </Typography>
        <Typography variant="body2" className={classes.summary}>
          {summaryOf(post.description) || t('posts.postCard.noDescription')}
        </Typography>
        <Typography variant="body2" className={classes.details}>
          <PostDetails post={post} />
        </Typography>
        <Typography variant="caption" component="div" gutterBottom>
          {helpWithLabel(t, post)}
        </Typography>
        <SkillChips skills={post.skills} highlight={highlight} />
      </CardContent>
      <CardActions>
        {post.kind === 'hack' && post.members.length > 0 && (
          <AvatarGroup
            max={4}
            aria-label={t('posts.postCard.members', {
              count: post.members.length,
            })}
          >
            {post.members.map(m => (
              <Avatar
                key={m}
                className={classes.avatar}
                alt={shortRef(m)}
                title={shortRef(m)}
              >
                {shortRef(m).slice(0, 2).toLocaleUpperCase()}
              </Avatar>
            ))}
          </AvatarGroup>
        )}
        <Box flexGrow={1} />
        <Typography variant="caption">
          {t('posts.postCard.by', { owner: shortRef(post.owner) })}
        </Typography>
      </CardActions>
    </Card>
  );
};
