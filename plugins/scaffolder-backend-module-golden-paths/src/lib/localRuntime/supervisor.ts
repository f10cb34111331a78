import { LoggerService } from '@backstage/backend-plugin-api';
import { ChildProcess, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createStream, RotatingFileStream } from 'rotating-file-stream';
import { Backoff } from './backoff';
import { LocalBuild } from './build';
import {
  PidRecord,
  processStartTime,
  removePidRecord,
  serviceFiles,
  stopRecordedProcess,
  writePidRecord,
} from './state';

/**
 * Loaded into every service process before its own code: when the backend
 * goes away (even with SIGKILL) the service's stdin closes and the service
 * stops itself, so a killed backend leaves no orphans behind.
 */
const WATCHDOG = `'use strict';
const stdin = process.stdin;
stdin.on('end', () => {
  process.kill(process.pid, 'SIGTERM');
  setTimeout(() => process.exit(0), 2000).unref();
});
stdin.on('error', () => {});
stdin.resume();
if (typeof stdin.unref === 'function') stdin.unref();
`;

/**
 * The same for a Python service: `python -c PY_WATCHDOG <entry>` starts a
 * thread that waits for stdin to close, then runs the entry as __main__.
 */
const PY_WATCHDOG = `import os, runpy, signal, sys, threading
def _watch():
    try:
        while sys.stdin.buffer.read(65536):
            pass
    except Exception:
        pass
    os.kill(os.getpid(), signal.SIGTERM)
threading.Thread(target=_watch, daemon=True).start()
sys.argv = sys.argv[1:]
sys.path.insert(0, os.getcwd())
runpy.run_path(sys.argv[0], run_name='__main__')
`;

/** The command line of a build: the portal's own Node, or the machine's Python. */
export function commandOf(build: LocalBuild, watchdog: string, python: string) {
  return build.kind === 'python'
    ? { file: python, args: ['-c', PY_WATCHDOG, build.entry] }
    : { file: process.execPath, args: ['--require', watchdog, build.entry] };
}

/** What one service process is started from. */
export interface ProcessSpec {
  name: string;
  build: LocalBuild;
  port: number;
  commit: string;
}

/** A recorded exit of the service process. */
export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: Date;
}

/**
 * Runs one service: `node <entry>` (or `python <entry>`) in its own process group with PORT,
 * HOST=127.0.0.1 and GIT_COMMIT, its output in a rotated log (1 MiB x 3),
 * restarted with backoff when it exits unasked.
 */
export class Supervisor {
  readonly spec: ProcessSpec;
  readonly #runtimeDir: string;
  readonly #logger: LoggerService;
  readonly #backoff: Backoff;
  readonly #python: string;
  #log?: RotatingFileStream;
  #child?: ChildProcess;
  #exited: Promise<void> = Promise.resolve();
  #record?: PidRecord;
  #stopping = false;
  #timer?: NodeJS.Timeout;
  #startedAt?: Date;
  #starts = 0;
  #exits = 0;
  #lastExit?: ExitInfo;

  constructor(options: {
    spec: ProcessSpec;
    runtimeDir: string;
    logger: LoggerService;
    backoff?: Backoff;
    /** The Python that runs Python services; default `python3` on PATH. */
    python?: string;
  }) {
    this.spec = options.spec;
    this.#python = options.python ?? 'python3';
    this.#runtimeDir = options.runtimeDir;
    this.#logger = options.logger;
    this.#backoff = options.backoff ?? new Backoff();
  }

  get startedAt() {
    return this.#startedAt;
  }
  /** Starts after the first one: the restarts. */
  get restarts() {
    return Math.max(0, this.#starts - 1);
  }
  get exits() {
    return this.#exits;
  }
  get lastExit() {
    return this.#lastExit;
  }
  get running() {
    const child = this.#child;
    return Boolean(child && child.exitCode === null && !child.signalCode);
  }
  /** Exited unasked and waiting for its backoff delay to start again. */
  get restartPending() {
    return this.#timer !== undefined;
  }
  /** Unasked exits since the last stable run. */
  get failures() {
    return this.#backoff.failures;
  }

  /** A line of the runtime's own in the service log. */
  note(message: string) {
    this.#log?.write(
      `[local runtime] ${new Date().toISOString()} ${message}\n`,
    );
  }

  async start(): Promise<PidRecord> {
    const files = serviceFiles(this.#runtimeDir, this.spec.name);
    await fs.mkdir(files.logs, { recursive: true });
    this.#log ??= createStream(path.basename(files.log), {
      path: files.logs,
      size: '1M',
      rotate: 3,
    });
    const watchdog = path.join(this.#runtimeDir, 'watchdog.cjs');
    await fs.writeFile(watchdog, WATCHDOG);
    const { build, port, commit } = this.spec;
    const command = commandOf(build, watchdog, this.#python);
    const child = spawn(command.file, command.args, {
      cwd: build.dir,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      // Only what a service needs: the backend's secrets stay behind.
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        NODE_ENV: 'production',
        PYTHONUNBUFFERED: '1',
        PYTHONDONTWRITEBYTECODE: '1',
        PORT: String(port),
        HOST: '127.0.0.1',
        GIT_COMMIT: commit,
      },
    });
    this.#child = child;
    this.#stopping = false;
    this.#starts += 1;
    this.#startedAt = new Date();
    const log = this.#log;
    child.stdout!.on('data', chunk => log.write(chunk));
    child.stderr!.on('data', chunk => log.write(chunk));
    child.stdin!.on('error', () => {});
    const exited = new Promise<void>(resolve =>
      child.once('exit', () => resolve()),
    );
    this.#exited = exited;
    child.once('exit', (code, signal) => this.#onExit(child, code, signal));
    const pid = child.pid;
    if (pid === undefined) {
      await exited;
      throw new Error(
        `${this.spec.name}: ${command.file} could not be started`,
      );
    }
    const startTime = await processStartTime(pid);
    const record = { pid, startTime: startTime ?? '' };
    this.#record = record;
    await writePidRecord(this.#runtimeDir, this.spec.name, record);
    this.note(`started pid ${pid} on port ${port} (commit ${commit})`);
    return record;
  }

  #onExit(
    child: ChildProcess,
    code: number | null,
    signal: NodeJS.Signals | null,
  ) {
    if (child !== this.#child) return;
    this.#exits += 1;
    this.#lastExit = { code, signal, at: new Date() };
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (this.#stopping) {
      this.note(`stopped (${how})`);
      return;
    }
    const ranFor = Date.now() - (this.#startedAt?.getTime() ?? Date.now());
    const delay = this.#backoff.next(ranFor);
    this.note(`exited with ${how}; restarting in ${delay} ms`);
    this.#logger.warn(
      `Local runtime: ${this.spec.name} exited with ${how}; restarting in ${delay} ms`,
    );
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.start().catch(e =>
        this.#logger.error(
          `Local runtime: restarting ${this.spec.name} failed: ${e}`,
        ),
      );
    }, delay);
  }

  /** Stops the process and starts it again from the same build and port. */
  async restart(reason: string) {
    await this.stop();
    this.note(reason);
    this.#backoff.reset();
    return this.start();
  }

  /** Stops the process group and any pending restart; keeps the log open unless `closeLog`. */
  async stop(options: { closeLog?: boolean } = {}) {
    this.#stopping = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const child = this.#child;
    const record = this.#record;
    if (child && record && child.exitCode === null && !child.signalCode) {
      await stopRecordedProcess(record);
      if (child.exitCode === null && !child.signalCode) child.kill('SIGKILL');
      await this.#exited;
    }
    await removePidRecord(this.#runtimeDir, this.spec.name);
    if (options.closeLog && this.#log) {
      const log = this.#log;
      this.#log = undefined;
      await new Promise<void>(resolve => {
        log.end(() => resolve());
      });
    }
  }
}
