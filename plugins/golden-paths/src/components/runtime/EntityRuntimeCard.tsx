import {
  InfoCard,
  Link,
  Progress,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Box, Chip, IconButton, Typography } from '@material-ui/core';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  GOLDEN_PATH_SERVICE_ANNOTATION,
  LocalRuntimeAction,
  LocalRuntimeService,
  LocalRuntimeStatus,
} from '@onramp/backstage-plugin-golden-paths-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { goldenPathsApiRef } from '../../api';
import { useGoldenPathsT } from '../translate';
import { describeExit, describeHealthCheck, formatUptime } from './format';
import { RuntimeActions } from './RuntimeActions';

/** How often the card asks again while the service starts or crash-loops. */
const POLL_MS = 2000;

const useStyles = makeStyles(theme => ({
  log: {
    fontFamily: 'monospace',
    fontSize: 12,
    lineHeight: 1.5,
    margin: 0,
    padding: theme.spacing(1),
    maxHeight: 240,
    overflow: 'auto',
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    backgroundColor: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
}));

const STATUS_KEYS = {
  running: 'running',
  starting: 'starting',
  'crash-looping': 'crashLooping',
  stopped: 'stopped',
} as const satisfies Record<LocalRuntimeStatus, string>;

const StatusChip = ({ status }: { status: LocalRuntimeStatus }) => {
  const { palette } = useTheme();
  const t = useGoldenPathsT();
  const colors = {
    running: palette.success,
    starting: palette.warning,
    'crash-looping': palette.error,
    stopped: undefined,
  }[status];
  return (
    <Chip
      size="small"
      label={t(`runtime.status.${STATUS_KEYS[status]}`)}
      style={
        colors
          ? { backgroundColor: colors.main, color: colors.contrastText }
          : undefined
      }
    />
  );
};

const RuntimeDetails = ({ service }: { service: LocalRuntimeService }) => {
  const classes = useStyles();
  const t = useGoldenPathsT();
  const exit = describeExit(t, service.lastExit);
  const metadata: Record<string, unknown> = {
    [t('runtime.details.status')]: <StatusChip status={service.status} />,
    [t('runtime.details.url')]: (
      <Link to={service.url} target="_blank" rel="noopener">
        {t('runtime.details.open')}
      </Link>
    ),
    [t('runtime.details.commit')]: (
      <Typography variant="body2" component="code" title={service.commit}>
        {service.commit.slice(0, 7)}
      </Typography>
    ),
    [t('runtime.details.uptime')]:
      service.uptimeSeconds === undefined
        ? t('runtime.details.notRunning')
        : formatUptime(t, service.uptimeSeconds),
    [t('runtime.details.restarts')]: String(service.restarts),
    ...(exit ? { [t('runtime.details.lastExit')]: exit } : {}),
    [t('runtime.details.lastHealthCheck')]: describeHealthCheck(
      t,
      service.lastHealthCheck,
    ),
  };
  return (
    <>
      <StructuredMetadataTable metadata={metadata} dense />
      <Box mt={2} mb={1}>
        <Typography variant="subtitle2" component="h3">
          {t('runtime.details.logLines', { count: service.logLines.length })}
        </Typography>
      </Box>
      <pre
        className={classes.log}
        aria-label={t('runtime.details.logLabel', { name: service.name })}
        // A scrollable region must be reachable by keyboard (axe: scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
      >
        {service.logLines.length
          ? service.logLines.join('\n')
          : t('runtime.details.emptyLog')}
      </pre>
    </>
  );
};

/**
 * The "Runtime" card of a Day-1 service on the local runtime (this
 * machine): status, URL, commit, uptime, restarts, the last health check
 * and the last 50 log lines; Restart, Stop and Start for its owners and
 * admins. Asks again every 2 s while the service starts or crash-loops.
 * @public
 */
export const EntityRuntimeCard = () => {
  const { entity } = useEntity();
  const t = useGoldenPathsT();
  const api = useApi(goldenPathsApiRef);
  const name = entity.metadata.annotations?.[GOLDEN_PATH_SERVICE_ANNOTATION];
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const [changed, setChanged] = useState<LocalRuntimeService>();
  const state = useAsyncRetry(async () => {
    if (!name) return undefined;
    const service = await api.getLocalRuntimeService(name);
    setChanged(undefined);
    return service;
  }, [api, name]);
  const service = changed ?? state.value;
  const settling =
    service?.status === 'starting' || service?.status === 'crash-looping';
  useInterval(state.retry, settling && !busy ? POLL_MS : null);

  const onAction = async (action: LocalRuntimeAction) => {
    if (!name) return;
    setBusy(true);
    setActionError(undefined);
    try {
      setChanged(await api.changeLocalRuntimeService(name, action));
    } catch (e) {
      setActionError(
        t(`runtime.card.actionFailed.${action}`, {
          name,
          message: (e as Error).message,
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  let content;
  if (!name) {
    content = (
      <Typography variant="body2">
        {t('runtime.card.noAnnotation', {
          annotation: GOLDEN_PATH_SERVICE_ANNOTATION,
        })}
      </Typography>
    );
  } else if (!service && state.loading) {
    content = <Progress />;
  } else if (!service && state.error) {
    content = (
      <Typography variant="body2" color="error" role="alert">
        {t('runtime.card.loadFailed', {
          name,
          message: state.error.message,
        })}
      </Typography>
    );
  } else if (service) {
    content = (
      <>
        <RuntimeDetails service={service} />
        {service.allowedActions.length === 0 && service.notAllowedReason ? (
          <Typography variant="caption" color="textSecondary">
            {service.notAllowedReason}.
          </Typography>
        ) : null}
        <RuntimeActions
          name={name}
          allowed={service.allowedActions}
          busy={busy}
          onAction={onAction}
        />
      </>
    );
  }
  return (
    <InfoCard
      title={t('runtime.card.title')}
      subheader={service?.runtime ?? t('runtime.card.localRuntime')}
      action={
        <IconButton
          aria-label={t('runtime.card.refresh')}
          onClick={state.retry}
          disabled={busy}
        >
          <RefreshIcon />
        </IconButton>
      }
    >
      {content}
      {state.error && service ? (
        <Typography variant="body2" color="error" role="alert">
          {t('runtime.card.refreshFailed', { message: state.error.message })}
        </Typography>
      ) : null}
      {actionError ? (
        <Box mt={1}>
          <Typography variant="body2" color="error" role="alert">
            {actionError}
          </Typography>
        </Box>
      ) : null}
    </InfoCard>
  );
};
