import { useState } from 'react';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
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
  formatTimeShare,
  type ApprovalRequest,
  type EmbedPost,
  type Interest,
  type ManagerApproval,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../api';
import { Link } from '@backstage/core-components';
import { PersonLink, shortRef, useSkillExchangePath } from './common';
import { TextDialog } from './InterestDialog';
import { useAction } from './useAction';

/** "Manager approved", "Waiting for their manager", "Manager declined: …". */
export function approvalText(approval: ManagerApproval | null) {
  if (!approval) return undefined;
  switch (approval.status) {
    case 'requested':
      return 'Waiting for the manager';
    case 'approved':
      return 'Manager approved';
    default:
      return `Manager declined: ${approval.reason}`;
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
  const settings = useAsync(() => api.getSettings(), [api]);
  const policy = settings.value?.managerApproval;
  const approval = interest.managerApproval;
  if (!policy || policy === 'off') return null;
  if (approval?.status === 'requested') {
    return (
      <Typography variant="body2">
        Waiting for {shortRef(approval.manager)} (your manager) since{' '}
        {new Date(approval.requestedAt).toLocaleDateString()}
      </Typography>
    );
  }
  if (approval?.status === 'approved') {
    return <Typography variant="body2">{approvalText(approval)}</Typography>;
  }
  if (!['pending', 'accepted'].includes(interest.status)) return null;
  return (
    <>
      {approval && (
        <Typography variant="body2">{approvalText(approval)}</Typography>
      )}
      {(policy === 'required' || !approval) && (
        <Typography variant="body2" color="textSecondary">
          {policy === 'required'
            ? 'The owner can accept you once your manager approves.'
            : 'Your manager does not see your interest unless you ask them or it is accepted.'}
        </Typography>
      )}
      <Button
        variant="outlined"
        color="primary"
        disabled={busy}
        onClick={() =>
          run(
            () => api.requestApproval(interest.id),
            `Your manager was asked to approve ${formatTimeShare(
              post.timeSharePercent,
              post.durationWeeks,
            )}`,
          )
        }
      >
        {approval ? 'Ask my manager again' : 'Ask my manager to approve'}
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
  const { interest, post } = request;
  const approval = interest.managerApproval;
  const who = `${shortRef(interest.user)} on ${post.title}`;
  return (
    <ListItem divider>
      <ListItemText
        primary={
          <>
            <PersonLink userRef={interest.user} inText /> on{' '}
            <Link to={path(`/posts/${post.id}`)} underline="always">
              {post.title}
            </Link>
          </>
        }
        secondary={`${formatTimeShare(
          post.timeSharePercent,
          post.durationWeeks,
        )} · asked ${new Date(approval.requestedAt).toLocaleDateString()}`}
      />
      {approval.status === 'requested' ? (
        <Box display="flex" style={{ gap: 8 }}>
          <Button
            size="small"
            variant="contained"
            color="primary"
            disabled={busy}
            aria-label={`Approve ${who}`}
            onClick={() =>
              run(() => api.answerApproval(interest.id, 'approve'), 'Approved')
            }
          >
            Approve
          </Button>
          <Button
            size="small"
            variant="outlined"
            disabled={busy}
            aria-label={`Decline ${who}`}
            onClick={onDecline}
          >
            Decline
          </Button>
        </Box>
      ) : (
        <Chip size="small" label={approvalText(approval)} />
      )}
    </ListItem>
  );
};

/** A manager's requests: embeds their people asked them to approve. */
export const ApprovalsTab = () => {
  const api = useApi(skillExchangeApiRef);
  const requests = useAsyncRetry(() => api.listApprovals(), [api]);
  const { busy, run } = useAction(requests.retry);
  const [declining, setDeclining] = useState<number>();
  if (requests.loading && !requests.value) return <Progress />;
  if (requests.error) return <ResponseErrorPanel error={requests.error} />;
  if (!requests.value?.length) {
    return (
      <EmptyState
        missing="data"
        title="Nobody has asked you to approve an embed"
        description="When someone in a team you manage asks, their request appears here with the embed's time share. You do not see anyone's interest before they ask."
      />
    );
  }
  return (
    <InfoCard
      title="Embeds your people asked you to approve"
      subheader="You see someone's interest in an embed only once they ask you, or once the owner accepts them."
    >
      <List aria-label="Approval requests">
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
        title="Decline the embed"
        label="Reason"
        helperText="The applicant and the post's owner see it."
        send="Decline"
        required
        maxLength={1000}
        open={declining !== undefined}
        onClose={() => setDeclining(undefined)}
        onSend={reason =>
          run(async () => {
            await api.answerApproval(declining!, 'decline', reason);
            setDeclining(undefined);
          }, 'Declined')
        }
      />
    </InfoCard>
  );
};
