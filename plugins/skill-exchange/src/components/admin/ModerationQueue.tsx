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
import {
  TranslationFunction,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { Box, Button, Typography } from '@material-ui/core';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type {
  ReportedPost,
  ReportReason,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from '../../api';
import { skillExchangeTranslationRef } from '../../translation';
import { PersonLink, useSkillExchangePath } from '../common';
import { TextDialog } from '../InterestDialog';
import { useAction } from '../useAction';
import { adminTableProps } from './tableProps';

/** "2 × Spam, 1 × Other". */
function reasonsText(
  t: TranslationFunction<typeof skillExchangeTranslationRef.T>,
  post: ReportedPost,
): string {
  return Object.entries(post.reasons)
    .map(([reason, n]) =>
      t('admin.moderation.reasonCount', {
        n: String(n),
        reason: t(`admin.reasons.${reason as ReportReason}`),
      }),
    )
    .join(', ');
}

/**
 * Reported posts for moderators, open reports first: dismiss the reports,
 * or hide the post with a note to its owner.
 */
export const ModerationQueue = () => {
  const api = useApi(skillExchangeApiRef);
  const path = useSkillExchangePath();
  const { t } = useTranslationRef(skillExchangeTranslationRef);
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
        title={t('admin.moderation.emptyTitle')}
        description={t('admin.moderation.emptyDescription')}
      />
    );
  }

  const columns: TableColumn<ReportedPost>[] = [
    {
      title: t('admin.moderation.columns.post'),
      render: p => (
        <>
          <Link to={path(`/posts/${p.postId}`)}>{p.title}</Link>
          <Typography variant="caption" component="div">
            {t('admin.moderation.kindBy', {
              kind: t(`common.kinds.${p.kind}`),
              owner: <PersonLink userRef={p.owner} inText />,
            })}
          </Typography>
        </>
      ),
    },
    {
      title: t('admin.moderation.columns.openReports'),
      field: 'openReports',
      type: 'numeric',
    },
    {
      title: t('admin.moderation.columns.reasons'),
      render: p => reasonsText(t, p),
    },
    {
      title: t('admin.moderation.columns.latestComment'),
      render: p => p.reports.find(r => r.comment)?.comment ?? '',
    },
    {
      title: t('admin.moderation.columns.latestReport'),
      render: p => new Date(p.latestReportAt).toLocaleString(),
    },
    {
      title: t('admin.moderation.columns.actions'),
      render: p => (
        <Box display="flex" style={{ gap: 8 }}>
          <Button
            size="small"
            variant="outlined"
            disabled={busy}
            aria-label={t('admin.moderation.dismissLabel', { title: p.title })}
            onClick={() =>
              run(
                () => api.resolveReports(p.postId, { action: 'dismiss' }),
                t('admin.moderation.dismissed', { title: p.title }),
              )
            }
          >
            {t('admin.moderation.dismiss')}
          </Button>
          <Button
            size="small"
            variant="contained"
            color="primary"
            disabled={busy}
            aria-label={t('admin.moderation.hideLabel', { title: p.title })}
            onClick={() => setHiding(p)}
          >
            {t('admin.moderation.hide')}
          </Button>
        </Box>
      ),
    },
  ];

  return (
    <>
      <Table<ReportedPost>
        title={t('admin.moderation.tableTitle', { count: totalItems })}
        {...adminTableProps(t, t('admin.moderation.filter'))}
        columns={columns}
        data={items}
      />
      {hiding && (
        <TextDialog
          id="sx-hide"
          open
          title={t('admin.moderation.hideDialog.title', {
            title: hiding.title,
          })}
          label={t('admin.moderation.hideDialog.label')}
          helperText={t('admin.moderation.hideDialog.helperText')}
          send={t('admin.moderation.hideDialog.send')}
          maxLength={500}
          onClose={() => setHiding(undefined)}
          onSend={note =>
            run(
              () => api.resolveReports(hiding.postId, { action: 'hide', note }),
              t('admin.moderation.hid', { title: hiding.title }),
            )
          }
        />
      )}
    </>
  );
};
