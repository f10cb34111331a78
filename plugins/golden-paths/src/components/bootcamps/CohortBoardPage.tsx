import {
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Button, LinearProgress, Typography } from '@material-ui/core';
import { CohortBoardRow } from '@onramp/backstage-plugin-golden-paths-common';
import WarningIcon from '@material-ui/icons/Warning';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { goldenPathsApiRef } from '../../api';
import { GoldenPathsT, useGoldenPathsT } from '../translate';
import { humanizeRef } from '../util';
import { BootcampsFrame, cohortDates, NotAllowed } from './BootcampsPage';

const statusText = (t: GoldenPathsT, row: CohortBoardRow) => {
  if (row.status === 'not-started') return t('bootcamps.board.notStarted');
  if (row.status === 'completed') return t('bootcamps.board.finished');
  return row.currentStep?.title ?? t('bootcamps.none');
};

/**
 * A bootcamp's progress board: one row per member with steps done, the
 * current step and "stuck for N days"; a nudge per member (once a day) and
 * "Nudge all stuck".
 */
export const CohortBoardPage = () => {
  const { cohortId = '' } = useParams();
  const t = useGoldenPathsT();
  const api = useApi(goldenPathsApiRef);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean }>();
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const me = await api.getMe();
    return me.canManageCohorts
      ? { board: await api.getCohortBoard(cohortId) }
      : {};
  }, [api, cohortId]);

  const act = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      setOutcome({ text: await action(), failed: false });
    } catch (e) {
      setOutcome({ text: (e as Error).message, failed: true });
    } finally {
      setBusy(false);
      retry();
    }
  };
  const nudge = (row: CohortBoardRow) =>
    act(async () => {
      await api.nudgeMember(cohortId, row.userEntityRef);
      return t('bootcamps.board.nudged', {
        name: humanizeRef(row.userEntityRef),
      });
    });
  const nudgeAll = () =>
    act(async () => {
      const { nudged, alreadyNudged } = await api.nudgeStuckMembers(cohortId);
      const done = t('bootcamps.board.nudgedStuck', { count: nudged.length });
      return alreadyNudged.length
        ? t('bootcamps.board.nudgedStuckSkipped', {
            nudged: done,
            skipped: String(alreadyNudged.length),
          })
        : done;
    });

  const columns: TableColumn<CohortBoardRow>[] = [
    {
      title: t('bootcamps.board.columns.member'),
      render: r => humanizeRef(r.userEntityRef),
    },
    {
      title: t('bootcamps.board.columns.stepsDone'),
      render: r => (
        <Box minWidth={120}>
          <Typography variant="body2">
            {r.completedSteps} / {r.totalSteps}
          </Typography>
          <LinearProgress
            variant="determinate"
            aria-label={t('bootcamps.board.stepsDoneBy', {
              name: humanizeRef(r.userEntityRef),
            })}
            value={r.totalSteps ? (100 * r.completedSteps) / r.totalSteps : 0}
          />
        </Box>
      ),
    },
    {
      title: t('bootcamps.board.columns.currentStep'),
      render: r => statusText(t, r),
    },
    {
      title: t('bootcamps.board.columns.stuck'),
      render: r =>
        r.stuckDays !== undefined ? (
          <Box display="flex" alignItems="center" style={{ gap: 4 }}>
            <WarningIcon color="error" fontSize="small" aria-hidden />
            <Typography variant="body2" style={{ fontWeight: 700 }}>
              {t('bootcamps.board.stuckFor', { count: r.stuckDays })}
            </Typography>
          </Box>
        ) : (
          t('bootcamps.none')
        ),
    },
    {
      title: t('bootcamps.board.columns.nudge'),
      render: r => (
        <Button
          size="small"
          variant="outlined"
          disabled={busy || r.nudgedToday}
          aria-label={
            r.nudgedToday
              ? t('bootcamps.board.nudgedTodayLabel', {
                  name: humanizeRef(r.userEntityRef),
                })
              : t('bootcamps.board.nudgeLabel', {
                  name: humanizeRef(r.userEntityRef),
                })
          }
          onClick={() => nudge(r)}
        >
          {r.nudgedToday
            ? t('bootcamps.board.nudgedToday')
            : t('bootcamps.board.nudge')}
        </Button>
      ),
    },
  ];

  const board = value?.board;
  const stuck = board?.rows.filter(r => r.stuckDays !== undefined) ?? [];
  return (
    <BootcampsFrame
      title={board ? board.cohort.title : t('bootcamps.board.title')}
      subtitle={
        board
          ? t('bootcamps.board.subtitle', {
              path: board.pathTitle ?? t('bootcamps.board.noPath'),
              dates: cohortDates(t, board.cohort),
            })
          : undefined
      }
    >
      {loading && !value && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && !board && <NotAllowed />}
      {board && (
        <>
          <Box mb={2} display="flex" alignItems="center" style={{ gap: 16 }}>
            <Button
              variant="contained"
              color="primary"
              disabled={busy || stuck.every(r => r.nudgedToday)}
              onClick={nudgeAll}
            >
              {t('bootcamps.board.nudgeAll')}
            </Button>
            <Typography variant="body2">
              {t('bootcamps.board.stuckSummary', {
                stuck: String(stuck.length),
                days: t('bootcamps.board.days', {
                  count: board.stuckAfterDays,
                }),
                notNudged: String(stuck.filter(r => !r.nudgedToday).length),
              })}
            </Typography>
          </Box>
          <Typography
            role="status"
            variant="body2"
            color={outcome?.failed ? 'error' : 'textPrimary'}
            paragraph
          >
            {outcome?.text}
          </Typography>
          <Table
            title={t('bootcamps.board.tableTitle', {
              count: board.rows.length,
            })}
            options={{ paging: false, search: false, padding: 'dense' }}
            columns={columns}
            data={board.rows}
          />
        </>
      )}
    </BootcampsFrame>
  );
};
