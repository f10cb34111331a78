/*
 * Runs the Day-1 harness backend (see day1Backend.ts) as its own process, so
 * a test can kill it with SIGKILL in the middle of a task and start another
 * one on the same database and git root.
 *
 * Environment: DAY1_ROOT (required); DAY1_LOG, a file that gets one JSON line
 * per evidence request; DAY1_HANG, a file: while it exists, evidence requests
 * are never answered and DAY1_HANG + '.reached' is written instead;
 * DAY1_LOCAL_RUNTIME=1, deploys on the local runtime (see localRuntimeConfig).
 * Prints `READY <base url>` when it listens.
 */
import { promises as fs } from 'node:fs';
import { existsSync, appendFileSync, writeFileSync } from 'node:fs';
import { localRuntimeConfig, startDay1Backend } from './day1Backend';

async function main() {
  const root = process.env.DAY1_ROOT;
  if (!root) throw new Error('DAY1_ROOT is required');
  await fs.mkdir(root, { recursive: true });
  const log = process.env.DAY1_LOG;
  const hang = process.env.DAY1_HANG;
  // DAY1_LOCAL_RUNTIME=1: deploys go to the local runtime under root/runtime.
  const local = process.env.DAY1_LOCAL_RUNTIME === '1';
  const { base } = await startDay1Backend({
    root,
    persistentDatabase: true,
    taskRecovery: true,
    goldenPaths: local ? localRuntimeConfig(root) : undefined,
    onEvidence: body => {
      if (hang && existsSync(hang)) {
        writeFileSync(`${hang}.reached`, JSON.stringify(body));
        return false;
      }
      if (log) appendFileSync(log, `${JSON.stringify(body)}\n`);
      return true;
    },
  });
  process.stdout.write(`READY ${base}\n`);
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
