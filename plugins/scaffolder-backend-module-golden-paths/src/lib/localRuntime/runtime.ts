import { LoggerService } from '@backstage/backend-plugin-api';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { getPortPromise } from 'portfinder';
import lockfile from 'proper-lockfile';
import { buildService } from './build';
import { checkHealth, HealthAnswer, readLogTail } from './health';
import {
  listStates,
  readPidRecord,
  readState,
  removePidRecord,
  serviceFiles,
  ServiceState,
  stopRecordedProcess,
  writeState,
} from './state';
import { Supervisor } from './supervisor';

/**
 * Settings of the local runtime (`goldenPaths.deploy.local`).
 *
 * @public
 */
export interface LocalRuntimeSettings {
  /** State, builds and logs of the services. */
  runtimeDir: string;
  /** Ports the services get, inclusive. */
  ports: { from: number; to: number };
  /** How long a deploy waits for /health to answer from the new commit. */
  healthTimeoutMs: number;
  /** The Python that runs Python services (default: python3 on PATH). */
  python?: string;
}

const silentLogger: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => silentLogger,
};

/** A service the deploy repository says should run. */
export interface DesiredService {
  name: string;
  /** Source repository, as git can clone it. */
  remote: string;
  repository: string;
  commit: string;
  healthPath: string;
}

/** The last /health answer the runtime saw for a service. */
export interface HealthRecord {
  at: Date;
  ok: boolean;
  summary: string;
}

/** Why a service did not come up: the health output and the log tail. */
export class LocalRuntimeError extends Error {
  constructor(message: string, readonly logTail: string[]) {
    super(message);
    this.name = 'LocalRuntimeError';
  }
}

/**
 * Turns desired services into processes on this machine. One lock per
 * service (a lock file, stale after 10 s) serializes starts and stops across
 * backend processes; the pid file (pid + start time) lets a new backend stop
 * what a previous one left running, never a process that merely reuses its
 * pid.
 */
export class LocalRuntime {
  readonly settings: LocalRuntimeSettings;
  readonly #logger: LoggerService;
  readonly #running = new Map<string, Supervisor>();
  readonly #health = new Map<string, HealthRecord>();
  #ports: Promise<unknown> = Promise.resolve();

  constructor(options: {
    settings: LocalRuntimeSettings;
    /** The backend's log; default: none. */
    logger?: LoggerService;
  }) {
    this.settings = options.settings;
    this.#logger = options.logger ?? silentLogger;
  }

  async #withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const { dir } = serviceFiles(this.settings.runtimeDir, name);
    await fs.mkdir(path.dirname(dir), { recursive: true });
    const release = await lockfile.lock(dir, {
      lockfilePath: `${dir}.lock`,
      realpath: false,
      stale: 10_000,
      update: 2_000,
      retries: { retries: 600, minTimeout: 50, maxTimeout: 500 },
    });
    try {
      return await fn();
    } finally {
      await release().catch(() => undefined);
    }
  }

  /** The recorded port when it is free, else a free one no other service holds. */
  #allocatePort(name: string, wanted?: number): Promise<number> {
    const next = this.#ports.then(async () => {
      const { from, to } = this.settings.ports;
      const held = new Set(
        [...(await listStates(this.settings.runtimeDir))]
          .filter(([other]) => other !== name)
          .map(([, s]) => s.port),
      );
      const free = (port: number, stopPort = port) =>
        getPortPromise({ port, stopPort, host: '127.0.0.1' });
      if (wanted !== undefined && !held.has(wanted)) {
        const port = await free(wanted).catch(() => undefined);
        if (port === wanted) return port;
      }
      for (let start = from; start <= to; ) {
        const port = await free(start, to);
        if (!held.has(port)) return port;
        start = port + 1;
      }
      throw new Error(`no free port in ${from}-${to} for ${name}`);
    });
    this.#ports = next.catch(() => undefined);
    return next;
  }

  /** Stops whatever a previous backend left running for the service. */
  async #stopLeftover(name: string) {
    const record = await readPidRecord(this.settings.runtimeDir, name);
    if (record && (await stopRecordedProcess(record))) {
      this.#logger.info(
        `Local runtime: stopped ${name} (pid ${record.pid}) left by an earlier backend`,
      );
    }
    await removePidRecord(this.settings.runtimeDir, name);
  }

  /**
   * Makes the service run the desired commit: builds it (once per commit),
   * stops the previous process and starts the new one on the service's port.
   * A service already running that commit keeps running.
   */
  async run(desired: DesiredService): Promise<{ port: number }> {
    const { name, commit } = desired;
    return this.#withLock(name, async () => {
      const current = this.#running.get(name);
      const state = await readState(this.settings.runtimeDir, name);
      if (current?.running && state?.commit === commit) {
        return { port: current.spec.port };
      }
      const files = serviceFiles(this.settings.runtimeDir, name);
      const build = await buildService({
        remote: desired.remote,
        commit,
        target: path.join(files.builds, commit),
      });
      if (current) {
        await current.stop({ closeLog: true });
        this.#running.delete(name);
      }
      await this.#stopLeftover(name);
      const port = await this.#allocatePort(name, state?.port);
      const next: ServiceState = {
        port,
        repository: desired.repository,
        commit,
        healthPath: desired.healthPath,
      };
      await writeState(this.settings.runtimeDir, name, next);
      const supervisor = new Supervisor({
        spec: { name, build, port, commit },
        runtimeDir: this.settings.runtimeDir,
        logger: this.#logger,
        python: this.settings.python,
      });
      this.#running.set(name, supervisor);
      await supervisor.start();
      await this.#pruneBuilds(files.builds, commit);
      return { port };
    });
  }

  async #pruneBuilds(builds: string, keep: string) {
    for (const entry of await fs.readdir(builds).catch(() => [])) {
      if (entry !== keep) {
        await fs.rm(path.join(builds, entry), { recursive: true, force: true });
      }
    }
  }

  /**
   * Waits until /health answers 200 from `commit`; throws a
   * LocalRuntimeError with the last answer and the last 50 log lines when
   * the process exits first or the time runs out.
   */
  async waitHealthy(
    name: string,
    commit: string,
    signal?: AbortSignal,
  ): Promise<HealthAnswer> {
    const supervisor = this.#running.get(name);
    const state = await readState(this.settings.runtimeDir, name);
    if (!supervisor || !state) {
      throw new LocalRuntimeError(`${name} is not running here`, []);
    }
    const exitsBefore = supervisor.exits;
    const deadline = Date.now() + this.settings.healthTimeoutMs;
    const url = `http://127.0.0.1:${state.port}${state.healthPath}`;
    let last = 'no answer yet';
    for (;;) {
      signal?.throwIfAborted();
      const answer = await checkHealth(url, commit);
      this.#health.set(name, { at: new Date(), ...answer });
      if (answer.ok) return answer;
      last = answer.summary;
      if (supervisor.exits > exitsBefore) {
        const exit = supervisor.lastExit!;
        const how = exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
        return this.#fail(
          name,
          `exited with ${how} before ${state.healthPath} answered`,
        );
      }
      if (Date.now() > deadline) {
        return this.#fail(
          name,
          `${state.healthPath} did not answer from commit ${commit.slice(
            0,
            7,
          )} within ${
            this.settings.healthTimeoutMs / 1000
          } s; last answer: ${last}`,
        );
      }
      await new Promise(r => setTimeout(r, 200));
    }
  }

  async #fail(name: string, why: string): Promise<never> {
    const tail = await this.logTail(name);
    throw new LocalRuntimeError(
      `${name} on the local runtime (this machine) ${why}.\nLast ${
        tail.length
      } log lines:\n${tail.join('\n')}`,
      tail,
    );
  }

  /** The last lines of the service's log, without this machine's paths. */
  async logTail(name: string, lines = 50) {
    const files = serviceFiles(this.settings.runtimeDir, name);
    const raw = await readLogTail(files.log, lines);
    return raw.map(line =>
      line
        .split(`${files.builds}${path.sep}`)
        .map((part, i) => (i === 0 ? part : part.replace(/^[0-9a-f]+\//, '')))
        .join('')
        .split(this.settings.runtimeDir)
        .join('<runtime>'),
    );
  }

  /** What runs for a service, for people; undefined when it is not here. */
  async status(name: string) {
    const state = await readState(this.settings.runtimeDir, name);
    const supervisor = this.#running.get(name);
    return (
      state && {
        ...state,
        running: Boolean(supervisor?.running),
        restartPending: Boolean(supervisor?.restartPending),
        failures: supervisor?.failures ?? 0,
        restarts: supervisor?.restarts ?? 0,
        startedAt: supervisor?.running ? supervisor.startedAt : undefined,
        lastExit: supervisor?.lastExit,
        lastHealth: this.#health.get(name),
      }
    );
  }

  /**
   * Asks the running service's /health once (healthy: 200 from the commit
   * that should run) and records the answer; undefined when nothing runs.
   */
  async checkHealthNow(name: string) {
    const state = await readState(this.settings.runtimeDir, name);
    if (!state || !this.#running.get(name)?.running) return undefined;
    const answer = await checkHealth(
      `http://127.0.0.1:${state.port}${state.healthPath}`,
      state.commit,
    );
    const record = { at: new Date(), ok: answer.ok, summary: answer.summary };
    this.#health.set(name, record);
    return record;
  }

  /**
   * Restarts the process of a service this backend supervises (same build,
   * same port); false when it supervises none (start it with `run`).
   */
  async restart(name: string, reason: string): Promise<boolean> {
    return this.#withLock(name, async () => {
      const supervisor = this.#running.get(name);
      const state = await readState(this.settings.runtimeDir, name);
      if (!supervisor || !state) return false;
      await supervisor.restart(reason);
      if (state.stopped) {
        await writeState(this.settings.runtimeDir, name, {
          ...state,
          stopped: undefined,
        });
      }
      return true;
    });
  }

  /**
   * Stops a service and keeps its port, build and logs; it stays stopped,
   * also across backend restarts, until it is started or deployed again.
   * False when the runtime has no such service.
   */
  async stop(name: string, reason: string): Promise<boolean> {
    return this.#withLock(name, async () => {
      const state = await readState(this.settings.runtimeDir, name);
      if (!state) return false;
      const supervisor = this.#running.get(name);
      supervisor?.note(reason);
      await supervisor?.stop();
      await this.#stopLeftover(name);
      await writeState(this.settings.runtimeDir, name, {
        ...state,
        stopped: true,
      });
      return true;
    });
  }

  /** Stops the service and deletes its port, state, builds and logs. */
  async remove(name: string): Promise<boolean> {
    return this.#withLock(name, async () => {
      const files = serviceFiles(this.settings.runtimeDir, name);
      const existed = Boolean(await fs.stat(files.dir).catch(() => undefined));
      const current = this.#running.get(name);
      this.#running.delete(name);
      await current?.stop({ closeLog: true });
      await this.#stopLeftover(name);
      await fs.rm(files.dir, { recursive: true, force: true });
      this.#health.delete(name);
      return existed;
    });
  }

  /**
   * Brings the machine to the desired state: every desired service runs
   * once, on its recorded port; services no longer desired are removed.
   */
  async reconcile(desired: DesiredService[]) {
    const wanted = new Set(desired.map(d => d.name));
    for (const name of (await listStates(this.settings.runtimeDir)).keys()) {
      if (!wanted.has(name)) await this.remove(name);
    }
    const started: string[] = [];
    for (const service of desired) {
      const state = await readState(this.settings.runtimeDir, service.name);
      if (state?.stopped && state.commit === service.commit) continue;
      try {
        await this.run(service);
        started.push(service.name);
      } catch (e) {
        this.#logger.error(
          `Local runtime: could not start ${service.name}: ${e}`,
        );
      }
    }
    return started;
  }

  /** Stops every process (backend shutdown); state stays for the next start. */
  async shutdown() {
    const all = [...this.#running.values()];
    this.#running.clear();
    this.#health.clear();
    await Promise.all(all.map(s => s.stop({ closeLog: true })));
  }
}
