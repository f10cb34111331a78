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

const StatusChip = ({ status }: { status: LocalRuntimeStatus }) => {
  const { palette } = useTheme();
  const colors = {
    running: palette.success,
    starting: palette.warning,
    'crash-looping': palette.error,
    stopped: undefined,
  }[status];
  return (
    <Chip
      size="small"
      label={status}
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
  const exit = describeExit(service.lastExit);
  const metadata: Record<string, unknown> = {
    Status: <StatusChip status={service.status} />,
    URL: (
      <Link to={service.url} target="_blank" rel="noopener">
        Open service
      </Link>
    ),
    Commit: (
      <Typography variant="body2" component="code" title={service.commit}>
        {service.commit.slice(0, 7)}
      </Typography>
    ),
    Uptime:
      service.uptimeSeconds === undefined
        ? 'not running'
        : formatUptime(service.uptimeSeconds),
    Restarts: String(service.restarts),
    ...(exit ? { 'Last exit': exit } : {}),
    'Last health check': describeHealthCheck(service.lastHealthCheck),
  };
  return (
    <>
      <StructuredMetadataTable metadata={metadata} dense />
      <Box mt={2} mb={1}>
        <Typography variant="subtitle2" component="h3">
          Last {service.logLines.length} log lines
        </Typography>
      </Box>
      <pre
        className={classes.log}
        aria-label={`Log of ${service.name}`}
        // A scrollable region must be reachable by keyboard (axe: scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
      >
        {service.logLines.length ? service.logLines.join('\n') : '(empty)'}
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
      setActionError(`Could not ${action} ${name}: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  let content;
  if (!name) {
    content = (
      <Typography variant="body2">
        This component has no {GOLDEN_PATH_SERVICE_ANNOTATION} annotation.
      </Typography>
    );
  } else if (!service && state.loading) {
    content = <Progress />;
  } else if (!service && state.error) {
    content = (
      <Typography variant="body2" color="error" role="alert">
        The runtime of {name} could not be loaded: {state.error.message}
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
      title="Runtime"
      subheader={service?.runtime ?? 'local runtime (this machine)'}
      action={
        <IconButton
          aria-label="Refresh the runtime"
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
          Could not refresh: {state.error.message}
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
