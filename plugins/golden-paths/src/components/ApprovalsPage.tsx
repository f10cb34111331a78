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
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Button, TextField } from '@material-ui/core';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import { PendingApproval } from '@onramp/backstage-plugin-golden-paths-common';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { goldenPathsApiRef } from '../api';
import { goldenPathsTranslationRef } from '../translation';
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
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const label = t('journey.approvals.stepFor', {
    step: approval.stepTitle,
    person: humanizeRef(approval.userEntityRef),
  });
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
        message: t('journey.failed', {
          failure: t('journey.approvals.saveFailed'),
          reason: (e as Error).message,
        }),
        severity: 'error',
      });
      setBusy(false);
    }
  };
  if (declining) {
    return (
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <TextField
          label={t('journey.approvals.reason')}
          size="small"
          value={reason}
          onChange={e => setReason(e.target.value)}
          inputProps={{
            'aria-label': t('journey.approvals.reasonFor', { approval: label }),
          }}
        />
        <Button
          variant="outlined"
          disabled={busy || reason.trim() === ''}
          onClick={() =>
            act(t('journey.approvals.declined', { approval: label }), () =>
              api.declineStep(approval.journeyId, approval.stepId, reason),
            )
          }
        >
          {t('journey.approvals.decline')}
        </Button>
        <Button onClick={() => setDeclining(false)}>
          {t('journey.approvals.cancel')}
        </Button>
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
        aria-label={t('journey.approvals.approveFor', { approval: label })}
        onClick={() =>
          act(t('journey.approvals.approved', { approval: label }), () =>
            api.approveStep(approval.journeyId, approval.stepId),
          )
        }
      >
        {t('journey.approvals.approve')}
      </Button>
      <Button
        variant="outlined"
        disabled={busy}
        aria-label={t('journey.approvals.declineFor', { approval: label })}
        onClick={() => setDeclining(true)}
      >
        {t('journey.approvals.declineMore')}
      </Button>
    </Box>
  );
};

/** The approval steps waiting for me (or a group I am in). */
export const ApprovalsPage = () => {
  const api = useApi(goldenPathsApiRef);
  const { t } = useTranslationRef(goldenPathsTranslationRef);
  const { value, loading, error, retry } = useAsyncRetry(
    async () => (await api.listApprovals()).items,
    [api],
  );
  const columns: TableColumn<PendingApproval>[] = [
    // The person's name from the catalog (entity presentation API).
    {
      title: t('journey.approvals.columns.who'),
      render: a => <EntityDisplayName entityRef={a.userEntityRef} hideIcon />,
    },
    { title: t('journey.approvals.columns.step'), field: 'stepTitle' },
    { title: t('journey.approvals.columns.path'), field: 'pathTitle' },
    {
      title: t('journey.approvals.columns.waitingSince'),
      render: a => formatDate(a.requestedAt),
    },
    { title: '', render: a => <Decide approval={a} onDone={retry} /> },
  ];
  return (
    <Page themeId="home">
      <Header
        title={t('journey.approvals.title')}
        subtitle={t('journey.approvals.subtitle', { path: t('common.path') })}
      >
        <Button component={RouterLink} to=".." relative="path">
          {t('journey.allPaths')}
        </Button>
      </Header>
      <Content>
        {loading && !value && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && value.length === 0 && (
          <EmptyState
            missing="data"
            title={t('journey.approvals.emptyTitle')}
            description={t('journey.approvals.emptyDescription')}
          />
        )}
        {value && value.length > 0 && (
          <Table
            title={t('journey.approvals.tableTitle')}
            options={{ paging: false, search: false }}
            columns={columns}
            data={value}
          />
        )}
      </Content>
    </Page>
  );
};
