import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCiFile } from './ciFile';
import { runSteps } from './runSteps';

jest.setTimeout(60_000);

describe('runSteps (real processes)', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'run-steps-'));
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  const run = (yaml: string, logTailBytes = 4096) =>
    runSteps(parseCiFile(yaml), {
      cwd: scratch,
      scratch,
      commit: 'c0ffee',
      branch: 'main',
      defaultTimeoutSeconds: 30,
      logTailBytes,
    });

  it('a command that does not exist fails its step, saying so', async () => {
    const outcome = await run(
      'steps: [{ name: x, run: [no-such-command-here] }]',
    );
    expect(outcome.passed).toBe(false);
    expect(outcome.steps[0].status).toBe('failed');
    expect(outcome.logTail).toMatch(/ENOENT/);
  });

  it('an evidence file that is not a JSON object fails the step; no evidence', async () => {
    const outcome = await run(
      `steps: [{ name: x, evidence: ml.evaluated, run: [/usr/bin/python3, -c, "import os; open(os.environ['ONRAMP_EVIDENCE_FILE'], 'w').write('[1]')"] }]`,
    );
    expect(outcome).toMatchObject({ passed: false, evidence: [] });
    expect(outcome.logTail).toContain('must hold a JSON object');
  });

  it('keeps only the tail of a long output, and sees the documented environment', async () => {
    const outcome = await run(
      `steps: [{ name: x, run: [/usr/bin/python3, -c, "import os; print('x' * 100000); print(os.environ['CI'], os.environ['ONRAMP_COMMIT'], os.environ['ONRAMP_BRANCH'], os.environ['HOME'] != '${os.homedir()}')"] }]`,
      1000,
    );
    expect(outcome.passed).toBe(true);
    expect(outcome.logTail.length).toBeLessThanOrEqual(1005);
    expect(outcome.logTail).toMatch(/^\[\.\.\.\]x+\ntrue c0ffee main True\n$/);
  });
});
