import { useNavigate } from 'react-router-dom';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
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
import useAsyncRetry, { AsyncStateRetry } from 'react-use/esm/useAsyncRetry';
import type {
  Interest,
  Post,
  PostStatus,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { skillExchangeTranslationRef } from '../translation';
import {
  PersonLink,
  placesOf,
  placesTakenLabel,
  shortRef,
  SkillExchangeT,
  useSkillExchangePath,
  waitingLabel,
} from './common';
import { approvalText } from './ManagerApproval';
import { useAction } from './useAction';

type Run = ReturnType<typeof useAction>['run'];

/** The status changes an owner may make: button text and the toast after. */
export function statusChanges(
  post: Pick<Post, 'kind' | 'status'>,
  t: SkillExchangeT,
): Array<{ to: PostStatus; label: string; done: string }> {
  const text = (
    key:
      | 'close'
      | 'closed'
      | 'reopen'
      | 'reopened'
      | 'markFilled'
      | 'markedFilled',
  ) => t(`profiles.ownerPanel.status.${key}`);
  const close = {
    to: 'closed' as const,
    label: text('close'),
    done: text('closed'),
  };
  const reopen = {
    to: 'open' as const,
    label: text('reopen'),
    done: text('reopened'),
  };
  // A booked pairing session opens again by cancelling its booking.
  if (post.kind === 'pairing' && post.status === 'filled') return [];
  // A filled post still closes when it is over (its people are then asked
  // for their retro).
  if (post.status === 'filled') return [reopen, close];
  if (post.status !== 'open') return [reopen];
  return [
    ...(post.kind === 'hack' || post.kind === 'pairing'
      ? []
      : [
          {
            to: 'filled' as const,
            label: text('markFilled'),
            done: text('markedFilled'),
          },
        ]),
    close,
  ];
}

const RESPONSES = [
  { response: 'accept', label: 'accept', done: 'accepted', primary: true },
  { response: 'decline', label: 'decline', done: 'declined', primary: false },
] as const;

/**
 * Why accepting is off when every place is taken, or undefined while a place
 * is free. The backend refuses such an accept with a 409 anyway.
 */
export function fullExplanation(
  post: Post,
  t: SkillExchangeT,
): string | undefined {
  const places = placesOf(post);
  if (!places || places.taken < places.places) return undefined;
  const limit = places.limit === 'capacity' ? 'capacity' : 'headcount';
  return t(`profiles.ownerPanel.full.${limit}`, {
    placesTaken: placesTakenLabel(t, places),
  });
}

const InterestedPeople = ({
  post,
  interests,
  busy,
  run,
}: {
  post: Post;
  interests: AsyncStateRetry<Interest[]>;
  busy: boolean;
  run: Run;
}) => {
  const api = useApi(skillExchangeApiRef);
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const full = fullExplanation(post, t);
  return (
    <>
      <Typography variant="h6" component="h3">
        {t('profiles.ownerPanel.interestedPeople')}
      </Typography>
      {full && (
        <Typography variant="body2" id="places-full">
          {full}
        </Typography>
      )}
      {interests.loading && <Progress />}
      {interests.error && <ResponseErrorPanel error={interests.error} />}
      {interests.value?.length === 0 && (
        <Typography variant="body2">
          {t('profiles.ownerPanel.nobodyYet')}
        </Typography>
      )}
      <List dense aria-label={t('profiles.ownerPanel.interestedPeople')}>
        {interests.value?.map(i => (
          <ListItem key={i.id} divider>
            <ListItemText
              primary={<PersonLink userRef={i.user} />}
              secondary={[
                i.message || t('profiles.ownerPanel.noMessage'),
                i.status === 'pending'
                  ? waitingLabel(t, i.createdAt)
                  : undefined,
                approvalText(t, i.managerApproval),
              ]
                .filter(Boolean)
                .join(' · ')}
            />
            {i.status === 'pending' ? (
              <Box display="flex" style={{ gap: 8 }}>
                {RESPONSES.map(r => (
                  <Button
                    key={r.response}
                    size="small"
                    color={r.primary ? 'primary' : 'default'}
                    variant={r.primary ? 'contained' : 'outlined'}
                    disabled={busy || (r.primary && Boolean(full))}
                    aria-describedby={
                      r.primary && full ? 'places-full' : undefined
                    }
                    onClick={() =>
                      run(
                        () => api.respondToInterest(i.id, r.response),
                        t(`profiles.ownerPanel.${r.done}`),
                      )
                    }
                  >
                    {t(`profiles.ownerPanel.${r.label}`)}
                  </Button>
                ))}
              </Box>
            ) : (
              <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                <Chip
                  size="small"
                  label={t(`profiles.interestStatus.${i.status}`)}
                />
                {i.status === 'accepted' && (
                  <Button
                    size="small"
                    variant="outlined"
                    disabled={busy}
                    aria-label={t('profiles.ownerPanel.withdrawPerson', {
                      person: shortRef(i.user),
                    })}
                    onClick={() =>
                      run(
                        () => api.withdrawInterest(i.id),
                        t('profiles.ownerPanel.placeReleased'),
                      )
                    }
                  >
                    {t('profiles.ownerPanel.withdraw')}
                  </Button>
                )}
              </Box>
            )}
          </ListItem>
        ))}
      </List>
    </>
  );
};

/** What the owner of a post sees: edit, status, delete, and who is interested. */
export const OwnerPanel = ({
  post,
  onChange,
}: {
  post: Post;
  onChange: () => void;
}) => {
  const api = useApi(skillExchangeApiRef);
  const navigate = useNavigate();
  const path = useSkillExchangePath();
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const interests = useAsyncRetry(
    () =>
      post.kind === 'hack' || post.kind === 'pairing'
        ? Promise.resolve([])
        : api.listInterests(post.id),
    [api, post.id, post.version],
  );
  const { busy, run } = useAction(() => {
    interests.retry();
    onChange();
  });
  return (
    <InfoCard title={t('profiles.ownerPanel.title')}>
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mb={2}>
        <Button
          variant="outlined"
          color="primary"
          onClick={() => navigate(path(`/posts/${post.id}/edit`))}
        >
          {t('profiles.ownerPanel.edit')}
        </Button>
        {statusChanges(post, t).map(change => (
          <Button
            key={change.to}
            variant="outlined"
            disabled={busy}
            onClick={() =>
              run(
                () => api.setPostStatus(post.id, change.to, post.version),
                change.done,
              )
            }
          >
            {change.label}
          </Button>
        ))}
        <Button
          variant="outlined"
          disabled={busy}
          onClick={() =>
            run(async () => {
              await api.deletePost(post.id);
              navigate(path('/'));
            }, t('profiles.ownerPanel.deleted'))
          }
        >
          {t('profiles.ownerPanel.delete')}
        </Button>
      </Box>
      {(post.kind === 'embed' || post.kind === 'mentorship') && (
        <InterestedPeople
          post={post}
          interests={interests}
          busy={busy}
          run={run}
        />
      )}
    </InfoCard>
  );
};
