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
import {
  formatTimeShare,
  type Post,
} from '@onramp/backstage-plugin-skill-exchange-common';
import {
  formatStart,
  KIND_LABELS,
  LevelLabel,
  HACK_CATEGORY_LABELS,
  HACK_LOCATION_LABELS,
  LOCATION_LABELS,
  placesOf,
  placesTakenText,
  shortRef,
  SkillChips,
  STAGE_LABELS,
  STATUS_LABELS,
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

export const PostDetails = ({ post }: { post: Post }) => {
  const places = placesOf(post);
  const taken = places ? ` · ${placesTakenText(places)}` : '';
  switch (post.kind) {
    case 'embed':
      return (
        <>
          {formatTimeShare(post.timeSharePercent, post.durationWeeks)} · starts{' '}
          {formatStart(post.start)} · {LOCATION_LABELS[post.location]}
          {post.office ? ` (${post.office})` : ''} · level{' '}
          <LevelLabel level={post.level} /> · {shortRef(post.team)}
          {taken}
        </>
      );
    case 'hack':
      return (
        <>
          {STAGE_LABELS[post.stage]}
          {post.location ? ` · ${HACK_LOCATION_LABELS[post.location]}` : ''}
          {post.category
            ? ` · ${HACK_CATEGORY_LABELS[post.category]}`
            : ''} · {post.members.length} member
          {post.members.length === 1 ? '' : 's'} · {post.followerCount}{' '}
          following
        </>
      );
    case 'pairing':
      return (
        <>
          {post.mode === 'offering' ? 'Offering' : 'Looking for'} a{' '}
          {post.durationMinutes}-minute session · {post.slots.length} slot
          {post.slots.length === 1 ? '' : 's'}
          {post.booking ? ' · booked' : ''}
        </>
      );
    default:
      return (
        <>
          {post.mode === 'offering'
            ? 'Offering mentoring'
            : 'Looking for a mentor'}
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
  return (
    <Card className={classes.card} variant="outlined" data-testid="post-card">
      <CardContent className={classes.content}>
        <Box display="flex" alignItems="center" mb={1} style={{ gap: 6 }}>
          <Chip
            size="small"
            label={KIND_LABELS[post.kind]}
            variant="outlined"
          />
          {post.kind === 'hack' && (
            <Chip
              size="small"
              color={post.stage === 'completed' ? 'default' : 'primary'}
              label={STAGE_LABELS[post.stage]}
            />
          )}
          {post.status !== 'open' && (
            <Chip size="small" label={STATUS_LABELS[post.status]} />
          )}
          {post.saved && <Chip size="small" label="Saved" />}
        </Box>
        <Typography variant="h6" component="h3" gutterBottom>
          <Link to={path(`/posts/${post.id}`)}>{post.title}</Link>
        </Typography>
        <Typography variant="body2" className={classes.summary}>
          {summaryOf(post.description) || 'No description yet.'}
        </Typography>
        <Typography variant="body2" className={classes.details}>
          <PostDetails post={post} />
        </Typography>
        <Typography variant="caption" component="div" gutterBottom>
          {(post.kind === 'mentorship' || post.kind === 'pairing') &&
          post.mode === 'offering'
            ? 'Can offer help with'
            : 'Looking for help with'}
        </Typography>
        <SkillChips skills={post.skills} highlight={highlight} />
      </CardContent>
      <CardActions>
        {post.kind === 'hack' && post.members.length > 0 && (
          <AvatarGroup max={4} aria-label={`${post.members.length} members`}>
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
        <Typography variant="caption">by {shortRef(post.owner)}</Typography>
      </CardActions>
    </Card>
  );
};
