import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { LocalCiStepResult } from '../database';
import { CiFile, CiStep } from './ciFile';

/** The largest evidence file a step may write. */
export const MAX_EVIDENCE_BYTES = 64 * 1024;

/** What running a ci.yaml's steps gave. */
export type StepsOutcome = {
  passed: boolean;
  steps: LocalCiStepResult[];
  logTail: string;
  /** Evidence the passed steps named, with the JSON they wrote. */
  evidence: Array<{ key: string; details: Record<string, unknown> }>;
};

/** Keeps the last `limit` characters written to it. */
export class LogTail {
  private text = '';
  private dropped = false;
  constructor(private readonly limit: number) {}
  write(chunk: string) {
    this.text += chunk;
    if (this.text.length > 2 * this.limit) {
      this.text = this.text.slice(-this.limit);
      this.dropped = true;
    }
  }
  toString() {
    return this.dropped || this.text.length > this.limit
      ? `[...]${this.text.slice(-this.limit)}`
      : this.text;
  }
}

/** Kills a step's whole process group (it runs detached), ignoring a gone one. */
function killGroup(pid: number | undefined, signal: NodeJS.Signals) {
  if (pid) {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  }
}

type StepResult = {
  exitCode: number | null;
  timedOut: boolean;
  error?: string;
};

/**
 * Runs one step: argv without a shell, in its own process group so that a
 * timeout (or the step ending) kills everything it started.
 */
function runStep(
  step: CiStep,
  options: {
    cwd: string;
    env: NodeJS.ProcessEnv;
    timeoutMs: number;
    log: LogTail;
    signal?: AbortSignal;
  },
): Promise<StepResult> {
  return new Promise(resolve => {
    const [command, ...args] = step.run;
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let timedOut = false;
    let exitCode: number | null = null;
    let settled = false;
    const timer = setTimeout(() => {
      timedOut = true;
      options.log.write(
        `\n[local-ci] ${step.name}: timed out after ${
          options.timeoutMs / 1000
        }s, killed\n`,
      );
      killGroup(child.pid, 'SIGKILL');
    }, options.timeoutMs);
    const stop = () => killGroup(child.pid, 'SIGKILL');
    options.signal?.addEventListener('abort', stop);
    const settle = (error?: string) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', stop);
        resolve({ exitCode, timedOut, ...(error ? { error } : {}) });
      }
    };
    child.stdout.setEncoding('utf8').on('data', d => options.log.write(d));
    child.stderr.setEncoding('utf8').on('data', d => options.log.write(d));
    child.on('error', error => {
      // Spawning failed (e.g. no such command): no process, release the pipes.
      child.stdout.destroy();
      child.stderr.destroy();
      settle(error.message);
    });
    child.on('exit', code => {
      exitCode = code;
      // Whatever the step left running in its group goes with it, so the
      // pipes close and nothing outlives the run.
      killGroup(child.pid, 'SIGKILL');
    });
    child.on('close', () => settle());
  });
}

/** Reads the JSON object a step wrote to ONRAMP_EVIDENCE_FILE, if any. */
async function readEvidenceFile(file: string) {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_EVIDENCE_BYTES) {
      throw new Error(
        `ONRAMP_EVIDENCE_FILE has ${stat.size} bytes, more than ${MAX_EVIDENCE_BYTES}`,
      );
    }
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return {};
    }
    throw error;
  }
  const details = JSON.parse(text);
  if (!details || typeof details !== 'object' || Array.isArray(details)) {
    throw new Error('ONRAMP_EVIDENCE_FILE must hold a JSON object');
  }
  return details as Record<string, unknown>;
}

/**
 * Runs the steps in order in `cwd` until one fails. Steps see PATH with the
 * portal's Node first, then /usr/local/bin:/usr/bin:/bin; HOME and TMPDIR in
 * `scratch`; CI=true; ONRAMP_EVIDENCE_FILE, ONRAMP_COMMIT, ONRAMP_BRANCH.
 */
export async function runSteps(
  file: CiFile,
  options: {
    cwd: string;
    scratch: string;
    commit: string;
    branch: string;
    defaultTimeoutSeconds: number;
    logTailBytes: number;
    /** Aborting kills the running step (the backend stops). */
    signal?: AbortSignal;
  },
): Promise<StepsOutcome> {
  const log = new LogTail(options.logTailBytes);
  const home = path.join(options.scratch, 'home');
  await fs.mkdir(home, { recursive: true });
  const steps: LocalCiStepResult[] = file.steps.map(s => ({
    name: s.name,
    status: 'not-run',
    durationMs: 0,
    ...(s.evidence ? { evidence: s.evidence } : {}),
  }));
  const evidence: StepsOutcome['evidence'] = [];
  for (const [i, step] of file.steps.entries()) {
    const evidenceFile = path.join(options.scratch, `evidence-${i}.json`);
    const env = {
      PATH: `${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
      HOME: home,
      TMPDIR: home,
      LANG: 'C.UTF-8',
      CI: 'true',
      // Offline: package managers must not reach for a registry.
      npm_config_offline: 'true',
      PIP_NO_INDEX: '1',
      ONRAMP_EVIDENCE_FILE: evidenceFile,
      ONRAMP_COMMIT: options.commit,
      ONRAMP_BRANCH: options.branch,
    };
    log.write(`[local-ci] ${step.name}: ${JSON.stringify(step.run)}\n`);
    const started = Date.now();
    const result = await runStep(step, {
      cwd: options.cwd,
      env,
      timeoutMs: (step.timeoutSeconds ?? options.defaultTimeoutSeconds) * 1000,
      log,
      signal: options.signal,
    });
    if (options.signal?.aborted) {
      result.error = 'stopped: the backend shut down';
    }
    steps[i].durationMs = Date.now() - started;
    steps[i].exitCode = result.exitCode;
    let failure: string | undefined = result.error;
    if (!failure && !result.timedOut && result.exitCode !== 0) {
      failure = `exited with ${result.exitCode ?? 'a signal'}`;
    }
    if (!failure && !result.timedOut && step.evidence) {
      try {
        evidence.push({
          key: step.evidence,
          details: await readEvidenceFile(evidenceFile),
        });
      } catch (error) {
        failure = (error as Error).message;
      }
    }
    if (result.timedOut || failure) {
      steps[i].status = result.timedOut ? 'timed-out' : 'failed';
      if (failure) {
        log.write(`\n[local-ci] ${step.name}: failed: ${failure}\n`);
      }
      return { passed: false, steps, logTail: log.toString(), evidence: [] };
    }
    steps[i].status = 'passed';
  }
  return { passed: true, steps, logTail: log.toString(), evidence };
}
