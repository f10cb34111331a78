import { promises as fs } from 'node:fs';
import path from 'node:path';

/** What the runtime keeps about a service between backend restarts. */
export interface ServiceState {
  /** The port the service listens on; reused by every later start. */
  port: number;
  /** Source repository and commit that runs. */
  repository: string;
  commit: string;
  healthPath: string;
  /** Stopped by a person: stays stopped (also across backend restarts) until started or deployed again. */
  stopped?: boolean;
}

/** Identifies one process across pid reuse: its pid and its start time. */
export interface PidRecord {
  pid: number;
  /** Start time in clock ticks after boot (field 22 of /proc/<pid>/stat). */
  startTime: string;
}

/** The files of one service under the runtime directory. */
export function serviceFiles(runtimeDir: string, name: string) {
  const dir = path.join(runtimeDir, 'services', name);
  return {
    dir,
    state: path.join(dir, 'state.json'),
    pid: path.join(dir, 'pid.json'),
    logs: path.join(dir, 'logs'),
    log: path.join(dir, 'logs', 'service.log'),
    builds: path.join(dir, 'builds'),
  };
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch (e: any) {
    if (e.code === 'ENOENT' || e instanceof SyntaxError) return undefined;
    throw e;
  }
}

/** Writes JSON atomically: a reader never sees half a file. */
async function writeJson(file: string, value: unknown) {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`);
  await fs.rename(tmp, file);
}

export const readState = (runtimeDir: string, name: string) =>
  readJson<ServiceState>(serviceFiles(runtimeDir, name).state);

export const writeState = (
  runtimeDir: string,
  name: string,
  state: ServiceState,
) => writeJson(serviceFiles(runtimeDir, name).state, state);

export const readPidRecord = (runtimeDir: string, name: string) =>
  readJson<PidRecord>(serviceFiles(runtimeDir, name).pid);

export const writePidRecord = (
  runtimeDir: string,
  name: string,
  record: PidRecord,
) => writeJson(serviceFiles(runtimeDir, name).pid, record);

export async function removePidRecord(runtimeDir: string, name: string) {
  await fs.rm(serviceFiles(runtimeDir, name).pid, { force: true });
}

/** Names of the services that have a state file, and their ports. */
export async function listStates(runtimeDir: string) {
  const root = path.join(runtimeDir, 'services');
  const names = await fs.readdir(root).catch(() => [] as string[]);
  const out = new Map<string, ServiceState>();
  for (const name of names) {
    const state = await readState(runtimeDir, name);
    if (state) out.set(name, state);
  }
  return out;
}

/**
 * The start time of a live process, or undefined when there is none (or it
 * is a zombie). Reads /proc, so it works on Linux.
 */
export async function processStartTime(
  pid: number,
): Promise<string | undefined> {
  let stat: string;
  try {
    stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces; fields after it are plain.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
  return fields[19];
}

/** True when the recorded process still runs (same pid, same start time). */
export async function isRecordedProcessAlive(record: PidRecord) {
  return (await processStartTime(record.pid)) === record.startTime;
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch (e: any) {
    if (e.code !== 'ESRCH') throw e;
  }
}

/**
 * Stops the process group the record names, only when the recorded process
 * is still the one that was started: SIGTERM, then SIGKILL after graceMs.
 * Returns false when there was nothing to stop.
 */
export async function stopRecordedProcess(
  record: PidRecord,
  graceMs = 5000,
): Promise<boolean> {
  if (!(await isRecordedProcessAlive(record))) return false;
  signalGroup(record.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!(await isRecordedProcessAlive(record))) return true;
    await new Promise(r => setTimeout(r, 50));
  }
  signalGroup(record.pid, 'SIGKILL');
  for (let i = 0; i < 250 && (await isRecordedProcessAlive(record)); i++) {
    await new Promise(r => setTimeout(r, 20));
  }
  return true;
}
