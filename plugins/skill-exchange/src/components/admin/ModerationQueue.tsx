import { useState } from 'react';
import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Button, Typography } from '@material-ui/core';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type {
  ReportedPost,
  ReportReason,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../../api';
import { KIND_LABELS, PersonLink, useSkillExchangePath } from '../common';
import { TextDialog } from '../InterestDialog';
import { useAction } from '../useAction';
import { adminTableProps } from './tableProps';

export const REASON_LABELS: Record<ReportReason, string> = {
  spam: 'Spam',
  offensive: 'Offensive',
  other: 'Other',
};

/** "2 × Spam, 1 × Other". */
function reasonsText(post: ReportedPost): string {
  return Object.entries(post.reasons)
    .map(([reason, n]) => `${n} × ${REASON_LABELS[reason as ReportReason]}`)
    .join(', ');
}

/**
 * Reported posts for moderators, open reports first: dismiss the reports,
 * or hide the post with a note to its owner.
 */
export const ModerationQueue = () => {
  const api = useApi(skillExchangeApiRef);
  const path = useSkillExchangePath();
  // The first 100 reported posts, open ones first; the table pages them.
  const state = useAsyncRetry(() => api.listReports({ limit: 100 }), [api]);
  const [hiding, setHiding] = useState<ReportedPost>();
  const { busy, run } = useAction(() => {
    setHiding(undefined);
    state.retry();
  });

  if (state.error) return <ResponseErrorPanel error={state.error} />;
  if (!state.value) return <Progress />;
  const { items, totalItems } = state.value;
  if (!totalItems) {
    return (
      <EmptyState
        missing="data"
        title="No reported posts"
        description="When someone reports a post, it waits here for a moderator."
      />
    );
  }

  const columns: TableColumn<ReportedPost>[] = [
    {
      title: 'Post',
      render: p => (
        <>
          <Link to={path(`/posts/${p.postId}`)}>{p.title}</Link>
          <Typography variant="caption" component="div">
            {KIND_LABELS[p.kind]} by <PersonLink userRef={p.owner} inText />
          </Typography>
        </>
      ),
    },
    { title: 'Open reports', field: 'openReports', type: 'numeric' },
    { title: 'Reasons', render: reasonsText },
    {
      title: 'Latest comment',
      render: p => p.reports.find(r => r.comment)?.comment ?? '',
    },
    {
      title: 'Latest report',
      render: p => new Date(p.latestReportAt).toLocaleString(),
    },
    {
      title: 'Actions',
      render: p => (
        <Box display="flex" style={{ gap: 8 }}>
          <Button
            size="small"
            variant="outlined"
            disabled={busy}
            aria-label={`Dismiss reports of ${p.title}`}
            onClick={() =>
              run(
                () => api.resolveReports(p.postId, { action: 'dismiss' }),
                `Dismissed the reports of ${p.title}`,
              )
            }
          >
            Dismiss
          </Button>
          <Button
            size="small"
            variant="contained"
            color="secondary"
            disabled={busy}
            aria-label={`Hide ${p.title}`}
            onClick={() => setHiding(p)}
          >
            Hide
          </Button>
        </Box>
      ),
    },
  ];

  return (
    <>
      <Table<ReportedPost>
        title={`${totalItems} reported post${totalItems === 1 ? '' : 's'}`}
        {...adminTableProps('Filter reported posts')}
        columns={columns}
        data={items}
      />
      {hiding && (
        <TextDialog
          id="sx-hide"
          open
          title={`Hide "${hiding.title}"`}
          label="Note to the owner"
          helperText="Why it is hidden. The owner gets this note; the post is closed and listed nowhere."
          send="Hide post"
          maxLength={500}
          onClose={() => setHiding(undefined)}
          onSend={note =>
            run(
              () => api.resolveReports(hiding.postId, { action: 'hide', note }),
              `Hid ${hiding.title}`,
            )
          }
        />
      )}
    </>
  );
};
