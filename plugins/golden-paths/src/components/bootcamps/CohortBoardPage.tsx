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
import { humanizeRef } from '../util';
import { BootcampsFrame, cohortDates, NotAllowed } from './BootcampsPage';

const statusText = (row: CohortBoardRow) => {
  if (row.status === 'not-started') return 'Not started';
  if (row.status === 'completed') return 'Finished';
  return row.currentStep?.title ?? '—';
};

/**
 * A bootcamp's progress board: one row per member with steps done, the
 * current step and "stuck for N days"; a nudge per member (once a day) and
 * "Nudge all stuck".
 */
export const CohortBoardPage = () => {
  const { cohortId = '' } = useParams();
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
      return `Nudged ${humanizeRef(row.userEntityRef)}`;
    });
  const nudgeAll = () =>
    act(async () => {
      const { nudged, alreadyNudged } = await api.nudgeStuckMembers(cohortId);
      const skipped = alreadyNudged.length
        ? `; ${alreadyNudged.length} already nudged today`
        : '';
      return `Nudged ${nudged.length} stuck member${
        nudged.length === 1 ? '' : 's'
      }${skipped}`;
    });

  const columns: TableColumn<CohortBoardRow>[] = [
    { title: 'Member', render: r => humanizeRef(r.userEntityRef) },
    {
      title: 'Steps done',
      render: r => (
        <Box minWidth={120}>
          <Typography variant="body2">
            {r.completedSteps} / {r.totalSteps}
          </Typography>
          <LinearProgress
            variant="determinate"
            aria-label={`Steps done by ${humanizeRef(r.userEntityRef)}`}
            value={r.totalSteps ? (100 * r.completedSteps) / r.totalSteps : 0}
          />
        </Box>
      ),
    },
    { title: 'Current step', render: statusText },
    {
      title: 'Stuck',
      render: r =>
        r.stuckDays !== undefined ? (
          <Box display="flex" alignItems="center" style={{ gap: 4 }}>
            <WarningIcon color="error" fontSize="small" aria-hidden />
            <Typography variant="body2" style={{ fontWeight: 700 }}>
              Stuck for {r.stuckDays} days
            </Typography>
          </Box>
        ) : (
          '—'
        ),
    },
    {
      title: 'Nudge',
      render: r => (
        <Button
          size="small"
          variant="outlined"
          disabled={busy || r.nudgedToday}
          aria-label={
            r.nudgedToday
              ? `Nudged today: ${humanizeRef(r.userEntityRef)}`
              : `Nudge ${humanizeRef(r.userEntityRef)}`
          }
          onClick={() => nudge(r)}
        >
          {r.nudgedToday ? 'Nudged today' : 'Nudge'}
        </Button>
      ),
    },
  ];

  const board = value?.board;
  const stuck = board?.rows.filter(r => r.stuckDays !== undefined) ?? [];
  return (
    <BootcampsFrame
      title={board ? board.cohort.title : 'Bootcamp'}
      subtitle={
        board
          ? `${board.pathTitle ?? 'No path'} · ${cohortDates(board.cohort)}`
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
              Nudge all stuck
            </Button>
            <Typography variant="body2">
              {stuck.length} stuck (no evidence for more than{' '}
              {board.stuckAfterDays} days),{' '}
              {stuck.filter(r => !r.nudgedToday).length} not nudged today
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
            title={`Progress board (${board.rows.length} members)`}
            options={{ paging: false, search: false, padding: 'dense' }}
            columns={columns}
            data={board.rows}
          />
        </>
      )}
    </BootcampsFrame>
  );
};
