import { useParams } from 'react-router-dom';
import {
  Content,
  Header,
  InfoCard,
  Link,
  MarkdownContent,
  Page,
  Progress,
} from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Chip, Grid, Typography } from '@material-ui/core';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type { Post } from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { skillExchangeTranslationRef } from '../translation';
import { helpWithLabel, PostDetails } from './PostCard';
import {
  ErrorPage,
  PersonLink,
  SkillChips,
  useSkillExchangePath,
} from './common';
import { OwnerPanel } from './OwnerPanel';
import { RetroCard, wasOnIt } from './RetroCard';
import { PairingSession } from './PairingSession';
import { ReportButton } from './ReportDialog';
import { TakePartCard } from './TakePartCard';

const AboutCard = ({ post }: { post: Post }) => {
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  return (
    <InfoCard title={t('posts.postDetail.about')}>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        <PostDetails post={post} />
      </Typography>
      <MarkdownContent
        content={post.description || t('posts.postDetail.noDescription')}
      />
      <Box mt={2}>
        <Typography variant="subtitle2" component="h3">
          {helpWithLabel(t, post)}
        </Typography>
        <SkillChips skills={post.skills} />
      </Box>
      <Typography variant="caption" component="p">
        {t('posts.postDetail.postedBy', {
          person: <PersonLink userRef={post.owner} inText />,
          date: new Date(post.createdAt).toLocaleDateString(),
        })}
      </Typography>
    </InfoCard>
  );
};

/** One post: what it is, taking part, and the owner's panel for its owner. */
export const PostDetailPage = () => {
  const { id = '' } = useParams();
  const api = useApi(skillExchangeApiRef);
  const identityApi = useApi(identityApiRef);
  const path = useSkillExchangePath();
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const state = useAsyncRetry(async () => {
    const [post, identity] = await Promise.all([
      api.getPost(Number(id)),
      identityApi.getBackstageIdentity(),
    ]);
    return { post, me: identity.userEntityRef };
  }, [api, id]);

  if (state.loading && !state.value) return <Progress />;
  if (state.error) {
    return (
      <ErrorPage title={t('common.title')} error={state.error}>
        <Link to={path('/')}>
          {t('posts.postDetail.backTo', { title: t('common.title') })}
        </Link>
      </ErrorPage>
    );
  }
  const { post, me } = state.value!;

  return (
    <Page themeId="tool">
      <Header
        title={post.title}
        type={t(`common.kinds.${post.kind}`)}
        typeLink={path(post.kind === 'embed' ? '/' : `/${post.kind}s`)}
      >
        <Chip
          label={t(`posts.status.${post.status}`)}
          color={post.status === 'open' ? 'primary' : 'default'}
        />
        {post.hidden && <Chip label={t('posts.postDetail.hidden')} />}
        {post.owner !== me && (
          <ReportButton postId={post.id} title={post.title} />
        )}
      </Header>
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12} md={8}>
            <AboutCard post={post} />
            {post.kind === 'pairing' && (
              <Box mt={3}>
                <PairingSession post={post} me={me} onChange={state.retry} />
              </Box>
            )}
            {wasOnIt(post, me) && (
              <Box mt={3}>
                <RetroCard post={post} />
              </Box>
            )}
          </Grid>
          <Grid item xs={12} md={4}>
            <TakePartCard post={post} me={me} onChange={state.retry} />
            {post.owner === me && (
              <Box mt={3}>
                <OwnerPanel post={post} onChange={state.retry} />
              </Box>
            )}
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
};
