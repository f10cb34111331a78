import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/*
 * Starts the Day-1 harness backend (day1BackendProcess.ts) as a child
 * process, so a test can kill it with SIGKILL and start another one on the
 * same root.
 */
const ENTRY = path.join(__dirname, 'day1BackendProcess.ts');
const TRANSFORM = require.resolve('@backstage/cli/config/nodeTransform.cjs');

export function startChild(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--require', TRANSFORM, ENTRY], {
    env: { ...process.env, ...env, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', chunk => {
      output += chunk;
      const match = output.match(/READY (\S+)/);
      if (match) resolve(match[1]);
    });
    child.stderr!.on('data', chunk => {
      output += chunk;
    });
    child.on('exit', code =>
      reject(new Error(`backend exited with ${code}:\n${output.slice(-3000)}`)),
    );
  });
  return { child, ready, output: () => output };
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  ms: number,
) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

export function killed(child: ChildProcess) {
  return new Promise<void>(resolve => {
    if (child.exitCode !== null || child.signalCode) resolve();
    else child.once('exit', () => resolve());
  });
}
