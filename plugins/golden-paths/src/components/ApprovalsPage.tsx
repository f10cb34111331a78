import {
  Content,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { Box, Button, TextField } from '@material-ui/core';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import { PendingApproval } from '@onramp/backstage-plugin-golden-paths-common';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { goldenPathsApiRef } from '../api';
import { formatDate, humanizeRef } from './util';

/** Approve in one click, or decline with a reason the newcomer sees. */
const Decide = ({
  approval,
  onDone,
}: {
  approval: PendingApproval;
  onDone: () => void;
}) => {
  const api = useApi(goldenPathsApiRef);
  const alertApi = useApi(alertApiRef);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const label = `${approval.stepTitle} for ${humanizeRef(
    approval.userEntityRef,
  )}`;
  const act = async (what: string, fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
      alertApi.post({
        message: what,
        severity: 'success',
        display: 'transient',
      });
      onDone();
    } catch (e) {
      alertApi.post({
        message: `Could not save: ${(e as Error).message}`,
        severity: 'error',
      });
      setBusy(false);
    }
  };
  if (declining) {
    return (
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <TextField
          label="Reason"
          size="small"
          value={reason}
          onChange={e => setReason(e.target.value)}
          inputProps={{ 'aria-label': `Reason to decline ${label}` }}
        />
        <Button
          variant="outlined"
          disabled={busy || reason.trim() === ''}
          onClick={() =>
            act(`Declined ${label}`, () =>
              api.declineStep(approval.journeyId, approval.stepId, reason),
            )
          }
        >
          Decline
        </Button>
        <Button onClick={() => setDeclining(false)}>Cancel</Button>
      </Box>
    );
  }
  // On one line: the table gives this last column little room.
  return (
    <Box display="flex" style={{ gap: 8, whiteSpace: 'nowrap' }}>
      <Button
        variant="contained"
        color="primary"
        disabled={busy}
        aria-label={`Approve ${label}`}
        onClick={() =>
          act(`Approved ${label}`, () =>
            api.approveStep(approval.journeyId, approval.stepId),
          )
        }
      >
        Approve
      </Button>
      <Button
        variant="outlined"
        disabled={busy}
        aria-label={`Decline ${label}`}
        onClick={() => setDeclining(true)}
      >
        Decline…
      </Button>
    </Box>
  );
};

/** The approval steps waiting for me (or a group I am in). */
export const ApprovalsPage = () => {
  const api = useApi(goldenPathsApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    async () => (await api.listApprovals()).items,
    [api],
  );
  const columns: TableColumn<PendingApproval>[] = [
    // The person's name from the catalog (entity presentation API).
    {
      title: 'Who',
      render: a => <EntityDisplayName entityRef={a.userEntityRef} hideIcon />,
    },
    { title: 'Step', field: 'stepTitle' },
    { title: 'Path', field: 'pathTitle' },
    { title: 'Waiting since', render: a => formatDate(a.requestedAt) },
    { title: '', render: a => <Decide approval={a} onDone={retry} /> },
  ];
  return (
    <Page themeId="home">
      <Header title="Approvals" subtitle="Golden path steps waiting for you">
        <Button component={RouterLink} to=".." relative="path">
          All paths
        </Button>
      </Header>
      <Content>
        {loading && !value && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && value.length === 0 && (
          <EmptyState
            missing="data"
            title="Nothing waits for you"
            description="When a newcomer reaches an approval step you approve, it shows up here and in your notifications."
          />
        )}
        {value && value.length > 0 && (
          <Table
            title="Waiting for your approval"
            options={{ paging: false, search: false }}
            columns={columns}
            data={value}
          />
        )}
      </Content>
    </Page>
  );
};
