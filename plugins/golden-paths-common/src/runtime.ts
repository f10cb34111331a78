/**
 * The annotation the Day-1 template writes on the Component it registers:
 * the service name the Day-1 actions deployed it as. The Runtime card shows
 * on Components that carry it.
 * @public
 */
export const GOLDEN_PATH_SERVICE_ANNOTATION = 'onramp-golden-paths/service';

/**
 * How a service on the local runtime (this machine) is doing:
 * `running` (its process runs and /health answered from its commit),
 * `starting` (its process runs, /health has not answered from its commit yet),
 * `crash-looping` (it keeps exiting and is restarted with backoff),
 * `stopped` (no process; stopped by a person, or it could not be started).
 * @public
 */
export type LocalRuntimeStatus =
  | 'running'
  | 'starting'
  | 'crash-looping'
  | 'stopped';

/** What a person may do to a service on the local runtime. @public */
export type LocalRuntimeAction = 'restart' | 'stop' | 'start';

/**
 * A service on the local runtime (this machine), as the Runtime card shows it
 * (`GET /api/scaffolder/golden-paths/runtime/:name`). Holds no path of the
 * machine: log lines show `<runtime>` for the runtime's folder.
 * @public
 */
export interface LocalRuntimeService {
  name: string;
  /** Where it runs, for people: "local runtime (this machine)". */
  runtime: string;
  status: LocalRuntimeStatus;
  /** The service's own address, e.g. http://day1-foo.localhost:7100/ */
  url: string;
  /** The commit that runs (or ran, when stopped): 40 hex digits. */
  commit: string;
  /** When the current process started (ISO 8601); absent when none runs. */
  startedAt?: string;
  /** Seconds since startedAt, on the server's clock. */
  uptimeSeconds?: number;
  /** Starts of the process after the first one (crashes and restarts). */
  restarts: number;
  /** The last exit of the process, when it exited. */
  lastExit?: { code: number | null; signal: string | null; at: string };
  /** The last /health request: ok only when it answered 200 from `commit`. */
  lastHealthCheck?: { at: string; ok: boolean; summary: string };
  /** The last 50 lines of the service's log, oldest first. */
  logLines: string[];
  /** What the caller may do now: owners of the Component and admins. */
  allowedActions: LocalRuntimeAction[];
  /** Why the caller may not restart or stop it, when they may not. */
  notAllowedReason?: string;
}
