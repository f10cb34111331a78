import { useState } from 'react';
import {
  EmptyState,
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
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  type ApprovalRequest,
  type EmbedPost,
  type Interest,
  type ManagerApproval,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { skillExchangeTranslationRef } from '../translation';
import { Link } from '@backstage/core-components';
import {
  PersonLink,
  shortRef,
  SkillExchangeT,
  timeShareText,
  useSkillExchangePath,
} from './common';
import { TextDialog } from './InterestDialog';
import { useAction } from './useAction';

/** "Manager approved", "Waiting for the manager", "Manager declined: …". */
export function approvalText(
  t: SkillExchangeT,
  approval: ManagerApproval | null,
) {
  if (!approval) return undefined;
  switch (approval.status) {
    case 'requested':
      return t('profiles.managerApproval.requested');
    case 'approved':
      return t('profiles.managerApproval.approved');
    default:
      return t('profiles.managerApproval.declined', {
        reason: approval.reason ?? '',
      });
  }
}

type Run = ReturnType<typeof useAction>['run'];

/**
 * The applicant's side of manager approval, on an embed they are interested
 * in: what their manager said, or a button to ask (unless the portal turned
 * approval off). Until asked, the manager does not see the interest.
 */
export const MyManagerApproval = ({
  post,
  interest,
  busy,
  run,
}: {
  post: EmbedPost;
  interest: Interest;
  busy: boolean;
  run: Run;
}) => {
  const api = useApi(skillExchangeApiRef);
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const settings = useAsync(() => api.getSettings(), [api]);
  const policy = settings.value?.managerApproval;
  const approval = interest.managerApproval;
  if (!policy || policy === 'off') return null;
  if (approval?.status === 'requested') {
    return (
      <Typography variant="body2">
        {t('profiles.managerApproval.waitingSince', {
          manager: shortRef(approval.manager),
          date: new Date(approval.requestedAt).toLocaleDateString(),
        })}
      </Typography>
    );
  }
  if (approval?.status === 'approved') {
    return <Typography variant="body2">{approvalText(t, approval)}</Typography>;
  }
  if (!['pending', 'accepted'].includes(interest.status)) return null;
  return (
    <>
      {approval && (
        <Typography variant="body2">{approvalText(t, approval)}</Typography>
      )}
      {(policy === 'required' || !approval) && (
        <Typography variant="body2" color="textSecondary">
          {policy === 'required'
            ? t('profiles.managerApproval.requiredHint')
            : t('profiles.managerApproval.optionalHint')}
        </Typography>
      )}
      <Button
        variant="outlined"
        color="primary"
        disabled={busy}
        onClick={() =>
          run(
            () => api.requestApproval(interest.id),
            t('profiles.managerApproval.asked', {
              timeShare: timeShareText(
                t,
                post.timeSharePercent,
                post.durationWeeks,
              ),
            }),
          )
        }
      >
        {approval
          ? t('profiles.managerApproval.askAgain')
          : t('profiles.managerApproval.ask')}
      </Button>
    </>
  );
};

const Request = ({
  request,
  busy,
  run,
  onDecline,
}: {
  request: ApprovalRequest;
  busy: boolean;
  run: Run;
  onDecline: () => void;
}) => {
  const api = useApi(skillExchangeApiRef);
  const path = useSkillExchangePath();
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const { interest, post } = request;
  const approval = interest.managerApproval;
  const who = t('profiles.approvalsTab.personOnPost', {
    person: shortRef(interest.user),
    post: post.title,
  });
  return (
    <ListItem divider>
      <ListItemText
        primary={t('profiles.approvalsTab.personOnPost', {
          person: <PersonLink userRef={interest.user} inText />,
          post: (
            <Link to={path(`/posts/${post.id}`)} underline="always">
              {post.title}
            </Link>
          ),
        })}
        secondary={t('profiles.approvalsTab.askedOn', {
          timeShare: timeShareText(
            t,
            post.timeSharePercent,
            post.durationWeeks,
          ),
          date: new Date(approval.requestedAt).toLocaleDateString(),
        })}
      />
      {approval.status === 'requested' ? (
        <Box display="flex" style={{ gap: 8 }}>
          <Button
            size="small"
            variant="contained"
            color="primary"
            disabled={busy}
            aria-label={t('profiles.approvalsTab.approvePerson', { who })}
            onClick={() =>
              run(
                () => api.answerApproval(interest.id, 'approve'),
                t('profiles.approvalsTab.approved'),
              )
            }
          >
            {t('profiles.approvalsTab.approve')}
          </Button>
          <Button
            size="small"
            variant="outlined"
            disabled={busy}
            aria-label={t('profiles.approvalsTab.declinePerson', { who })}
            onClick={onDecline}
          >
            {t('profiles.approvalsTab.decline')}
          </Button>
        </Box>
      ) : (
        <Chip size="small" label={approvalText(t, approval)} />
      )}
    </ListItem>
  );
};

/** A manager's requests: embeds their people asked them to approve. */
export const ApprovalsTab = () => {
  const api = useApi(skillExchangeApiRef);
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  const embed = t('common.kindsInText.embed');
  const requests = useAsyncRetry(() => api.listApprovals(), [api]);
  const { busy, run } = useAction(requests.retry);
  const [declining, setDeclining] = useState<number>();
  if (requests.loading && !requests.value) return <Progress />;
  if (requests.error) return <ResponseErrorPanel error={requests.error} />;
  if (!requests.value?.length) {
    return (
      <EmptyState
        missing="data"
        title={t('profiles.approvalsTab.emptyTitle', { embed })}
        description={t('profiles.approvalsTab.emptyDescription', { embed })}
      />
    );
  }
  return (
    <InfoCard
      title={t('profiles.approvalsTab.title', {
        embeds: t('common.kinds.embeds'),
      })}
      subheader={t('profiles.approvalsTab.subheader', { embed })}
    >
      <List aria-label={t('profiles.approvalsTab.listLabel')}>
        {requests.value.map(r => (
          <Request
            key={r.interest.id}
            request={r}
            busy={busy}
            run={run}
            onDecline={() => setDeclining(r.interest.id)}
          />
        ))}
      </List>
      <TextDialog
        id="sx-decline"
        title={t('profiles.approvalsTab.declineTitle', { embed })}
        label={t('profiles.approvalsTab.reason')}
        helperText={t('profiles.approvalsTab.reasonHelp')}
        send={t('profiles.approvalsTab.decline')}
        required
        maxLength={1000}
        open={declining !== undefined}
        onClose={() => setDeclining(undefined)}
        onSend={reason =>
          run(async () => {
            await api.answerApproval(declining!, 'decline', reason);
            setDeclining(undefined);
          }, t('profiles.approvalsTab.declined'))
        }
      />
    </InfoCard>
  );
};
