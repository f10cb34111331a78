import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import {
  Content,
  Header,
  InfoCard,
  Link,
  MarkdownContent,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  alertApiRef,
  identityApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Grid,
  List,
  ListItem,
  ListItemText,
  TextField,
  Typography,
} from '@material-ui/core';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type { Post } from '@onramp/backstage-plugin-skill-exchange-common';
import { LIMITS } from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { PostDetails } from './PostCard';
import {
  KIND_LABELS,
  PersonLink,
  SkillChips,
  useSkillExchangePath,
} from './common';

function useAction(onDone: () => void) {
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);
  const run = async (what: () => Promise<unknown>, success?: string) => {
    setBusy(true);
    try {
      await what();
      if (success)
        alertApi.post({
          message: success,
          severity: 'success',
          display: 'transient',
        });
      onDone();
    } catch (e) {
      alertApi.post({ message: (e as Error).message, severity: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

const InterestDialog = (props: {
  open: boolean;
  onClose: () => void;
  onSend: (message: string) => Promise<void>;
}) => {
  const [message, setMessage] = useState('');
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      aria-labelledby="sx-interest-title"
      fullWidth
    >
      <DialogTitle id="sx-interest-title">I'm interested</DialogTitle>
      <DialogContent>
        <TextField
          id="sx-interest-message"
          fullWidth
          multiline
          minRows={3}
          variant="outlined"
          label="Message to the owner"
          value={message}
          inputProps={{ maxLength: LIMITS.message }}
          helperText="Why you, and when you could start."
          onChange={e => setMessage(e.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          onClick={() => props.onSend(message)}
        >
          Send
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const OwnerPanel = ({
  post,
  onChange,
}: {
  post: Post;
  onChange: () => void;
}) => {
  const api = useApi(skillExchangeApiRef);
  const navigate = useNavigate();
  const path = useSkillExchangePath();
  const interests = useAsyncRetry(
    () =>
      post.kind === 'hack' ? Promise.resolve([]) : api.listInterests(post.id),
    [api, post.id, post.version],
  );
  const { busy, run } = useAction(() => {
    interests.retry();
    onChange();
  });
  return (
    <InfoCard title="You posted this">
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mb={2}>
        <Button
          variant="outlined"
          color="primary"
          onClick={() => navigate(path(`/posts/${post.id}/edit`))}
        >
          Edit
        </Button>
        {post.status === 'open' ? (
          <>
            {post.kind !== 'hack' && (
              <Button
                variant="outlined"
                disabled={busy}
                onClick={() =>
                  run(
                    () => api.setPostStatus(post.id, 'filled', post.version),
                    'Marked as filled',
                  )
                }
              >
                Mark filled
              </Button>
            )}
            <Button
              variant="outlined"
              disabled={busy}
              onClick={() =>
                run(
                  () => api.setPostStatus(post.id, 'closed', post.version),
                  'Closed',
                )
              }
            >
              Close
            </Button>
          </>
        ) : (
          <Button
            variant="outlined"
            disabled={busy}
            onClick={() =>
              run(
                () => api.setPostStatus(post.id, 'open', post.version),
                'Reopened',
              )
            }
          >
            Reopen
          </Button>
        )}
        <Button
          variant="outlined"
          disabled={busy}
          onClick={() =>
            run(async () => {
              await api.deletePost(post.id);
              navigate(path('/'));
            }, 'Deleted')
          }
        >
          Delete
        </Button>
      </Box>
      {post.kind !== 'hack' && (
        <>
          <Typography variant="h6" component="h3">
            Interested people
          </Typography>
          {interests.loading && <Progress />}
          {interests.error && <ResponseErrorPanel error={interests.error} />}
          {interests.value?.length === 0 && (
            <Typography variant="body2">Nobody yet.</Typography>
          )}
          <List dense aria-label="Interested people">
            {interests.value?.map(i => (
              <ListItem key={i.id} divider>
                <ListItemText
                  primary={<PersonLink userRef={i.user} />}
                  secondary={i.message || 'No message'}
                />
                {i.status === 'pending' ? (
                  <Box display="flex" style={{ gap: 8 }}>
                    <Button
                      size="small"
                      color="primary"
                      variant="contained"
                      disabled={busy}
                      onClick={() =>
                        run(
                          () => api.respondToInterest(i.id, 'accept'),
                          'Accepted',
                        )
                      }
                    >
                      Accept
                    </Button>
                    <Button
                      size="small"
                      variant="outlined"
                      disabled={busy}
                      onClick={() =>
                        run(
                          () => api.respondToInterest(i.id, 'decline'),
                          'Declined',
                        )
                      }
                    >
                      Decline
                    </Button>
                  </Box>
                ) : (
                  <Chip size="small" label={i.status} />
                )}
              </ListItem>
            ))}
          </List>
        </>
      )}
    </InfoCard>
  );
};

export const PostDetailPage = () => {
  const { id = '' } = useParams();
  const api = useApi(skillExchangeApiRef);
  const identityApi = useApi(identityApiRef);
  const path = useSkillExchangePath();
  const [interestOpen, setInterestOpen] = useState(false);
  const state = useAsyncRetry(async () => {
    const [post, identity] = await Promise.all([
      api.getPost(Number(id)),
      identityApi.getBackstageIdentity(),
    ]);
    return { post, me: identity.userEntityRef };
  }, [api, id]);
  const { busy, run } = useAction(state.retry);

  if (state.loading && !state.value) return <Progress />;
  if (state.error) {
    return (
      <Page themeId="tool">
        <Header title="Skill Exchange" />
        <Content>
          <ResponseErrorPanel error={state.error} />
          <Link to={path('/')}>Back to the Skill Exchange</Link>
        </Content>
      </Page>
    );
  }
  const { post, me } = state.value!;
  const mine = post.owner === me;

  return (
    <Page themeId="tool">
      <Header
        title={post.title}
        type={KIND_LABELS[post.kind]}
        typeLink={path(post.kind === 'embed' ? '/' : `/${post.kind}s`)}
      >
        <Chip
          label={post.status}
          color={post.status === 'open' ? 'primary' : 'default'}
        />
      </Header>
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12} md={8}>
            <InfoCard title="About">
              <Typography variant="body2" color="textSecondary" gutterBottom>
                <PostDetails post={post} />
              </Typography>
              <MarkdownContent
                content={post.description || '_No description._'}
              />
              <Box mt={2}>
                <Typography variant="subtitle2" component="h3">
                  {post.kind === 'mentorship' && post.mode === 'offering'
                    ? 'Can offer help with'
                    : 'Looking for help with'}
                </Typography>
                <SkillChips skills={post.skills} />
              </Box>
              <Typography variant="caption" component="p">
                Posted by <PersonLink userRef={post.owner} /> on{' '}
                {new Date(post.createdAt).toLocaleDateString()}
              </Typography>
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={4}>
            <InfoCard title="Take part">
              <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
                {post.kind !== 'hack' && !mine && !post.myInterest && (
                  <Button
                    variant="contained"
                    color="primary"
                    disabled={post.status !== 'open' || busy}
                    onClick={() => setInterestOpen(true)}
                  >
                    I'm interested
                  </Button>
                )}
                {post.kind !== 'hack' && post.myInterest && (
                  <>
                    <Typography variant="body2">
                      Your interest: <strong>{post.myInterest.status}</strong>
                    </Typography>
                    {['pending', 'accepted'].includes(
                      post.myInterest.status,
                    ) && (
                      <Button
                        variant="outlined"
                        disabled={busy}
                        onClick={() =>
                          run(
                            () => api.withdrawInterest(post.myInterest!.id),
                            'Withdrawn',
                          )
                        }
                      >
                        Withdraw
                      </Button>
                    )}
                    {post.myInterest.status === 'withdrawn' &&
                      post.status === 'open' && (
                        <Button
                          variant="contained"
                          color="primary"
                          onClick={() => setInterestOpen(true)}
                        >
                          I'm interested again
                        </Button>
                      )}
                  </>
                )}
                {post.kind === 'hack' && (
                  <>
                    {post.members.includes(me) ? (
                      <Button
                        variant="outlined"
                        disabled={busy}
                        onClick={() =>
                          run(() => api.leaveHack(post.id), 'You left the hack')
                        }
                      >
                        Leave hack
                      </Button>
                    ) : (
                      <Button
                        variant="contained"
                        color="primary"
                        disabled={busy || post.status === 'closed'}
                        onClick={() =>
                          run(
                            () => api.joinHack(post.id),
                            'You joined the hack',
                          )
                        }
                      >
                        {post.members.length === 0
                          ? 'Adopt this idea'
                          : 'Join hack'}
                      </Button>
                    )}
                    <Button
                      variant="outlined"
                      disabled={busy}
                      onClick={() =>
                        run(() => api.setFollowing(post.id, !post.following))
                      }
                    >
                      {post.following ? 'Unfollow' : 'Follow'}
                    </Button>
                    <Typography variant="subtitle2" component="h3">
                      Members ({post.members.length})
                    </Typography>
                    {post.members.map(m => (
                      <PersonLink key={m} userRef={m} />
                    ))}
                  </>
                )}
                <Button
                  variant="outlined"
                  disabled={busy}
                  onClick={() =>
                    run(
                      () => api.setSaved(post.id, !post.saved),
                      post.saved ? 'Removed from saved' : 'Saved',
                    )
                  }
                >
                  {post.saved ? 'Unsave' : 'Save'}
                </Button>
              </Box>
            </InfoCard>
            {mine && (
              <Box mt={3}>
                <OwnerPanel post={post} onChange={state.retry} />
              </Box>
            )}
          </Grid>
        </Grid>
        <InterestDialog
          open={interestOpen}
          onClose={() => setInterestOpen(false)}
          onSend={message =>
            run(async () => {
              await api.expressInterest(post.id, message);
              setInterestOpen(false);
            }, 'The owner has been told you are interested')
          }
        />
      </Content>
    </Page>
  );
};
