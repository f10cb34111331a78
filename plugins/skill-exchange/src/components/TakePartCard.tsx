import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Button, Typography } from '@material-ui/core';
import type {
  EmbedPost,
  HackPost,
  MentorshipPost,
  Post,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { ownerAnswersText, PersonLink } from './common';
import { InterestDialog } from './InterestDialog';
import { MyManagerApproval } from './ManagerApproval';
import { useAction } from './useAction';

type Run = ReturnType<typeof useAction>['run'];

/** Embeds and mentorships: say you are interested, see your interest, withdraw. */
const Interest = ({
  post,
  mine,
  busy,
  run,
  onInterested,
}: {
  post: EmbedPost | MentorshipPost;
  mine: boolean;
  busy: boolean;
  run: Run;
  onInterested: () => void;
}) => {
  const api = useApi(skillExchangeApiRef);
  const { myInterest } = post;
  if (!myInterest) {
    return mine ? null : (
      <>
        <Button
          variant="contained"
          color="primary"
          disabled={post.status !== 'open' || busy}
          onClick={onInterested}
        >
          I'm interested
        </Button>
        {post.status === 'filled' && (
          <Typography variant="body2">Filled: every place is taken.</Typography>
        )}
        {post.ownerAnswers && (
          <Typography variant="body2" color="textSecondary">
            {ownerAnswersText(post.ownerAnswers)}
          </Typography>
        )}
      </>
    );
  }
  return (
    <>
      <Typography variant="body2">
        Your interest: <strong>{myInterest.status}</strong>
      </Typography>
      {post.status === 'closed' && (
        <Typography variant="body2" color="textSecondary">
          This {post.kind} is closed.
        </Typography>
      )}
      {post.kind === 'embed' && post.status !== 'closed' && (
        <MyManagerApproval
          post={post}
          interest={myInterest}
          busy={busy}
          run={run}
        />
      )}
      {['pending', 'accepted'].includes(myInterest.status) &&
        post.status !== 'closed' && (
          <Button
            variant="outlined"
            disabled={busy}
            onClick={() =>
              run(() => api.withdrawInterest(myInterest.id), 'Withdrawn')
            }
          >
            Withdraw
          </Button>
        )}
      {myInterest.status === 'withdrawn' && post.status === 'open' && (
        <Button variant="contained" color="primary" onClick={onInterested}>
          I'm interested again
        </Button>
      )}
    </>
  );
};

/** Hacks: join, adopt or leave, follow, and who is in. */
const HackMembership = ({
  post,
  me,
  busy,
  run,
}: {
  post: HackPost;
  me: string;
  busy: boolean;
  run: Run;
}) => {
  const api = useApi(skillExchangeApiRef);
  return (
    <>
      {post.members.includes(me) ? (
        <Button
          variant="outlined"
          disabled={busy}
          onClick={() => run(() => api.leaveHack(post.id), 'You left the hack')}
        >
          Leave hack
        </Button>
      ) : (
        <Button
          variant="contained"
          color="primary"
          disabled={busy || post.status === 'closed'}
          onClick={() =>
            run(() => api.joinHack(post.id), 'You joined the hack')
          }
        >
          {post.members.length === 0 ? 'Adopt this idea' : 'Join hack'}
        </Button>
      )}
      <Button
        variant="outlined"
        disabled={busy}
        onClick={() => run(() => api.setFollowing(post.id, !post.following))}
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
  );
};

/**
 * "Take part" for the person looking at a post (`me`): interest in embeds and
 * mentorships, membership of hacks, and saving it for later (pairing
 * sessions are booked in their own card).
 */
export const TakePartCard = ({
  post,
  me,
  onChange,
}: {
  post: Post;
  me: string;
  onChange: () => void;
}) => {
  const api = useApi(skillExchangeApiRef);
  const [interestOpen, setInterestOpen] = useState(false);
  const { busy, run } = useAction(onChange);
  return (
    <InfoCard title="Take part">
      <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
        {post.kind === 'hack' && (
          <HackMembership post={post} me={me} busy={busy} run={run} />
        )}
        {(post.kind === 'embed' || post.kind === 'mentorship') && (
          <Interest
            post={post}
            mine={post.owner === me}
            busy={busy}
            run={run}
            onInterested={() => setInterestOpen(true)}
          />
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
    </InfoCard>
  );
};
