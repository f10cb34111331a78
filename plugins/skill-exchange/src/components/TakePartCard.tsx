import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Button, Typography } from '@material-ui/core';
import type {
  EmbedPost,
  HackPost,
  MentorshipPost,
  Post,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { skillExchangeTranslationRef } from '../translation';
import { ownerAnswersLabel, PersonLink } from './common';
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
  const { t } = useTranslationRef(skillExchangeTranslationRef);
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
          {t('profiles.takePartCard.interested')}
        </Button>
        {post.status === 'filled' && (
          <Typography variant="body2">
            {t('profiles.takePartCard.filled')}
          </Typography>
        )}
        {post.ownerAnswers && (
          <Typography variant="body2" color="textSecondary">
            {ownerAnswersLabel(t, post.ownerAnswers)}
          </Typography>
        )}
      </>
    );
  }
  return (
    <>
      <Typography variant="body2">
        {t('profiles.takePartCard.yourInterest', {
          status: (
            <strong>{t(`profiles.interestStatus.${myInterest.status}`)}</strong>
          ),
        })}
      </Typography>
      {post.status === 'closed' && (
        <Typography variant="body2" color="textSecondary">
          {t('profiles.takePartCard.closed', {
            kind: t(`common.kindsInText.${post.kind}`),
          })}
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
              run(
                () => api.withdrawInterest(myInterest.id),
                t('profiles.takePartCard.withdrawn'),
              )
            }
          >
            {t('profiles.takePartCard.withdraw')}
          </Button>
        )}
      {myInterest.status === 'withdrawn' && post.status === 'open' && (
        <Button variant="contained" color="primary" onClick={onInterested}>
          {t('profiles.takePartCard.interestedAgain')}
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
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const hack = t('common.kindsInText.hack');
  return (
    <>
      {post.members.includes(me) ? (
        <Button
          variant="outlined"
          disabled={busy}
          onClick={() =>
            run(
              () => api.leaveHack(post.id),
              t('profiles.takePartCard.left', { hack }),
            )
          }
        >
          {t('profiles.takePartCard.leave', { hack })}
        </Button>
      ) : (
        <Button
          variant="contained"
          color="primary"
          disabled={busy || post.status === 'closed'}
          onClick={() =>
            run(
              () => api.joinHack(post.id),
              t('profiles.takePartCard.joined', { hack }),
            )
          }
        >
          {post.members.length === 0
            ? t('profiles.takePartCard.adopt')
            : t('profiles.takePartCard.join', { hack })}
        </Button>
      )}
      <Button
        variant="outlined"
        disabled={busy}
        onClick={() => run(() => api.setFollowing(post.id, !post.following))}
      >
        {post.following
          ? t('profiles.takePartCard.unfollow')
          : t('profiles.takePartCard.follow')}
      </Button>
      <Typography variant="subtitle2" component="h3">
        {t('profiles.takePartCard.members', {
          number: String(post.members.length),
        })}
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
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const [interestOpen, setInterestOpen] = useState(false);
  const { busy, run } = useAction(onChange);
  return (
    <InfoCard title={t('profiles.takePartCard.title')}>
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
              post.saved
                ? t('profiles.takePartCard.removedFromSaved')
                : t('profiles.takePartCard.saved'),
            )
          }
        >
          {post.saved
            ? t('profiles.takePartCard.unsave')
            : t('profiles.takePartCard.save')}
        </Button>
      </Box>
      <InterestDialog
        open={interestOpen}
        onClose={() => setInterestOpen(false)}
        onSend={message =>
          run(async () => {
            await api.expressInterest(post.id, message);
            setInterestOpen(false);
          }, t('profiles.takePartCard.toldOwner'))
        }
      />
    </InfoCard>
  );
};
