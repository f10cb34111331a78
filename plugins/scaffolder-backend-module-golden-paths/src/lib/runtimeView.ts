import type {
  LocalRuntimeAction,
  LocalRuntimeService,
  LocalRuntimeStatus,
} from '@onramp/backstage-plugin-golden-paths-common';
import { LOCAL_RUNTIME_TITLE } from '../providers/deploy/local';
import { GoldenPathsSettings } from './config';
import { LocalRuntime } from './localRuntime/runtime';
import { ServiceDecision } from './serviceAccess';

type RuntimeStatus = NonNullable<Awaited<ReturnType<LocalRuntime['status']>>>;

/**
 * running: the process runs and /health answered from its commit since it
 * started; starting: it runs and has not yet (within the health timeout);
 * crash-looping: it exits and is restarted with backoff; stopped: no process.
 */
export function runtimeStatusOf(
  s: RuntimeStatus,
  healthTimeoutMs: number,
  now = Date.now(),
): LocalRuntimeStatus {
  if (s.stopped || (!s.running && !s.restartPending)) return 'stopped';
  if (!s.running) return 'crash-looping';
  const started = s.startedAt?.getTime() ?? now;
  if (s.lastHealth?.ok && s.lastHealth.at.getTime() >= started) {
    return 'running';
  }
  if (s.failures >= 2) return 'crash-looping';
  return now - started < healthTimeoutMs ? 'starting' : 'running';
}

/** Takes this machine's folders (and file:// URLs of them) out of a text. */
export function redactPaths(settings: GoldenPathsSettings, text: string) {
  return [
    [settings.deploy.local.runtimeDir, '<runtime>'],
    [settings.git.root, '<git>'],
  ]
    .reduce((t, [dir, label]) => t.split(dir).join(label), text)
    .replace(/file:\/\/(?=<)/g, '');
}

/** What the Runtime card shows, for one caller. */
export function runtimeView(options: {
  settings: GoldenPathsSettings;
  name: string;
  state: RuntimeStatus;
  logLines: string[];
  access: ServiceDecision;
  now?: Date;
}): LocalRuntimeService {
  const { settings, name, state, access } = options;
  const now = options.now ?? new Date();
  const status = runtimeStatusOf(
    state,
    settings.deploy.local.healthTimeoutMs,
    now.getTime(),
  );
  const redact = (t: string) => redactPaths(settings, t);
  let allowedActions: LocalRuntimeAction[] = [];
  if (access.allowed) {
    allowedActions = status === 'stopped' ? ['start'] : ['restart', 'stop'];
  }
  const { lastExit, lastHealth, startedAt } = state;
  return {
    name,
    runtime: LOCAL_RUNTIME_TITLE,
    status,
    url: `http://${name}.localhost:${state.port}/`,
    commit: state.commit,
    ...(startedAt && {
      startedAt: startedAt.toISOString(),
      uptimeSeconds: Math.max(
        0,
        Math.floor((now.getTime() - startedAt.getTime()) / 1000),
      ),
    }),
    restarts: state.restarts,
    ...(lastExit && {
      lastExit: {
        code: lastExit.code,
        signal: lastExit.signal,
        at: lastExit.at.toISOString(),
      },
    }),
    ...(lastHealth && {
      lastHealthCheck: {
        at: lastHealth.at.toISOString(),
        ok: lastHealth.ok,
        summary: redact(lastHealth.summary),
      },
    }),
    logLines: options.logLines.map(redact),
    allowedActions,
    ...(access.allowed ? {} : { notAllowedReason: access.reason }),
  };
}
