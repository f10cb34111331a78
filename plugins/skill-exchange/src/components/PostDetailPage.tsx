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
import { Box, Chip, Grid, Typography } from '@material-ui/core';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type { Post } from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { PostDetails } from './PostCard';
import {
  ErrorPage,
  KIND_LABELS,
  PersonLink,
  SkillChips,
  STATUS_LABELS,
  useSkillExchangePath,
} from './common';
import { OwnerPanel } from './OwnerPanel';
import { RetroCard, wasOnIt } from './RetroCard';
import { PairingSession } from './PairingSession';
import { ReportButton } from './ReportDialog';
import { TakePartCard } from './TakePartCard';

const AboutCard = ({ post }: { post: Post }) => (
  <InfoCard title="About">
    <Typography variant="body2" color="textSecondary" gutterBottom>
      <PostDetails post={post} />
    </Typography>
    <MarkdownContent content={post.description || '_No description._'} />
    <Box mt={2}>
      <Typography variant="subtitle2" component="h3">
        {(post.kind === 'mentorship' || post.kind === 'pairing') &&
        post.mode === 'offering'
          ? 'Can offer help with'
          : 'Looking for help with'}
      </Typography>
      <SkillChips skills={post.skills} />
    </Box>
    <Typography variant="caption" component="p">
      Posted by <PersonLink userRef={post.owner} inText /> on{' '}
      {new Date(post.createdAt).toLocaleDateString()}
    </Typography>
  </InfoCard>
);

/** One post: what it is, taking part, and the owner's panel for its owner. */
export const PostDetailPage = () => {
  const { id = '' } = useParams();
  const api = useApi(skillExchangeApiRef);
  const identityApi = useApi(identityApiRef);
  const path = useSkillExchangePath();
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
      <ErrorPage title="Skill Exchange" error={state.error}>
        <Link to={path('/')}>Back to the Skill Exchange</Link>
      </ErrorPage>
    );
  }
  const { post, me } = state.value!;

  return (
    <Page themeId="tool">
      <Header
        title={post.title}
        type={KIND_LABELS[post.kind]}
        typeLink={path(post.kind === 'embed' ? '/' : `/${post.kind}s`)}
      >
        <Chip
          label={STATUS_LABELS[post.status]}
          color={post.status === 'open' ? 'primary' : 'default'}
        />
        {post.hidden && <Chip label="Hidden by a moderator" />}
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
