import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { makeTempDir } from '../../__testUtils__/context';
import {
  isRecordedProcessAlive,
  listStates,
  processStartTime,
  readPidRecord,
  readState,
  serviceFiles,
  stopRecordedProcess,
  writePidRecord,
  writeState,
} from './state';

function startSleeper() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
    detached: true,
    stdio: 'ignore',
  });
  const exited = new Promise(r => child.once('exit', r));
  return { pid: child.pid!, exited };
}

describe('the local runtime state', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir('gp-state');
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('keeps the port, source and commit of each service across reads', async () => {
    const state = {
      port: 41007,
      repository: 'orders-api',
      commit: 'a'.repeat(40),
      healthPath: '/health',
    };
    expect(await readState(dir, 'orders-api')).toBeUndefined();
    await writeState(dir, 'orders-api', state);
    await writeState(dir, 'billing', { ...state, port: 41008 });
    expect(await readState(dir, 'orders-api')).toEqual(state);
    expect(
      [...(await listStates(dir))].map(([name, s]) => [name, s.port]).sort(),
    ).toEqual([
      ['billing', 41008],
      ['orders-api', 41007],
    ]);
    // Atomic writes leave no temporary files behind.
    expect(await fs.readdir(serviceFiles(dir, 'orders-api').dir)).toEqual([
      'state.json',
    ]);
  });

  it('a broken state file reads as no state', async () => {
    const files = serviceFiles(dir, 'x');
    await fs.mkdir(files.dir, { recursive: true });
    await fs.writeFile(files.state, '{"port": 4');
    expect(await readState(dir, 'x')).toBeUndefined();
  });

  it('stops the recorded process only when pid and start time still match', async () => {
    const sleeper = startSleeper();
    const startTime = await processStartTime(sleeper.pid);
    expect(startTime).toMatch(/^\d+$/);
    await writePidRecord(dir, 'svc', {
      pid: sleeper.pid,
      startTime: startTime!,
    });
    const record = (await readPidRecord(dir, 'svc'))!;
    expect(await isRecordedProcessAlive(record)).toBe(true);

    // Same pid, another start time: a reused pid is someone else's process.
    const reused = {
      pid: sleeper.pid,
      startTime: String(Number(startTime) + 1),
    };
    expect(await isRecordedProcessAlive(reused)).toBe(false);
    expect(await stopRecordedProcess(reused)).toBe(false);
    expect(await processStartTime(sleeper.pid)).toBe(startTime);

    expect(await stopRecordedProcess(record)).toBe(true);
    await sleeper.exited;
    expect(await isRecordedProcessAlive(record)).toBe(false);
    expect(await stopRecordedProcess(record)).toBe(false);
  });

  it('a pid that runs nothing is not alive', async () => {
    expect(await processStartTime(2 ** 22 + 7)).toBeUndefined();
  });
});
