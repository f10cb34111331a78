import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { skillExchangeApiRef } from '../api';
import { KIND_LABELS } from './common';

/** Home card: open posts that fit my skills and learning goals, with the reason. */
export const ForYouCard = ({ base = '/skill-exchange' }: { base?: string }) => {
  const api = useApi(skillExchangeApiRef);
  const { value, loading, error } = useAsync(
    () => api.getMyMatches({ limit: 5 }),
    [api],
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value?.items.length) {
    return (
      <Typography variant="body2">
        Nothing fits yet. Add skills and learning goals to your{' '}
        <Link to={`${base}/profile`}>skill profile</Link> to get
        recommendations.
      </Typography>
    );
  }
  return (
    <List dense aria-label="Recommended for you">
      {value.items.map(({ post, reason }) => (
        <ListItem key={post.id} divider>
          <ListItemText
            primary={
              <>
                <Typography variant="caption" component="span">
                  {KIND_LABELS[post.kind]} ·{' '}
                </Typography>
                <Link to={`${base}/posts/${post.id}`}>{post.title}</Link>
              </>
            }
            secondary={`Why: ${reason.summary}`}
          />
        </ListItem>
      ))}
    </List>
  );
};
