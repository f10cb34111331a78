// A node:test reporter: writes the run's counts to $ONRAMP_EVIDENCE_FILE
// (the local CI records them as the step's evidence). Use it beside the
// spec reporter; it prints nothing itself.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

export default async function* evidenceReporter(source) {
  const files = new Set();
  for await (const event of source) {
    const file = event.data?.file && relative(process.cwd(), event.data.file);
    if (file) files.add(file);
    // The last summary, without a file, is the whole run's.
    if (event.type === 'test:summary' && !event.data.file) {
      const { tests, passed, failed, skipped, todo } = event.data.counts;
      const target = process.env.ONRAMP_EVIDENCE_FILE;
      if (target) {
        const details = {
          runner: 'node:test',
          node: process.version,
          files: [...files].sort(),
          tests,
          passed,
          failed,
          skipped,
          todo,
        };
        writeFileSync(target, `${JSON.stringify(details, null, 2)}\n`);
      }
    }
  }
}
