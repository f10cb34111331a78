import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { skillExchangeApiRef } from '../api';
import { skillExchangeTranslationRef } from '../translation';

/** Home card: open posts that fit my skills and learning goals, with the reason. */
export const ForYouCard = ({ base = '/skill-exchange' }: { base?: string }) => {
  const api = useApi(skillExchangeApiRef);
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const { value, loading, error } = useAsync(
    () => api.getMyMatches({ limit: 5 }),
    [api],
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value?.items.length) {
    return (
      <Typography variant="body2">
        {t('posts.forYou.nothingYet', {
          profile: (
            <Link to={`${base}/profile`}>{t('posts.forYou.skillProfile')}</Link>
          ),
        })}
      </Typography>
    );
  }
  return (
    <List dense aria-label={t('posts.forYou.recommended')}>
      {value.items.map(({ post, reason }) => (
        <ListItem key={post.id} divider>
          <ListItemText
            primary={
              <>
                <Typography variant="caption" component="span">
                  {t(`common.kinds.${post.kind}`)} ·{' '}
                </Typography>
                <Link to={`${base}/posts/${post.id}`}>{post.title}</Link>
              </>
            }
            secondary={t('posts.forYou.why', { reason: reason.summary })}
          />
        </ListItem>
      ))}
    </List>
  );
};
