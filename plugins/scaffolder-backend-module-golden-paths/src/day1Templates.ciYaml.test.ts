import { promises as fs } from 'node:fs';
import path from 'node:path';
import { runCiYamlSteps } from './__testUtils__/ciYaml';
import {
  copySkeleton,
  DAY1_TEMPLATES,
  day1Templates,
  declaredByCiYaml,
} from './__testUtils__/day1Templates';

/*
 * The Day-1 skeletons' .onramp/ci.yaml, run as the local CI runner runs it:
 * each step by execFile with its argv, offline, Debian's /usr/bin/python3
 * first on PATH after this Node (numpy, scikit-learn and matplotlib from
 * python3-numpy, python3-sklearn and python3-matplotlib), a fresh
 * ONRAMP_EVIDENCE_FILE per step.
 */
const [client, dataEngineering, dataScience, ml, audio] = day1Templates(
  'day-1-client-feature',
  'day-1-data-engineering',
  'day-1-data-science',
  'day-1-machine-learning',
  'day-1-audio-processing',
);

const stepsOf = (results: Awaited<ReturnType<typeof runCiYamlSteps>>) =>
  results.map(r => [
    r.step.name,
    r.step.evidence ?? null,
    r.evidence !== undefined,
  ]);

/** Runs `check` with `file` changed by `change`, then puts it back. */
async function withChanged(
  file: string,
  change: (original: Buffer) => string | Buffer,
  check: () => Promise<void>,
) {
  const original = await fs.readFile(file);
  await fs.writeFile(file, change(original));
  try {
    await check();
  } finally {
    await fs.writeFile(file, original);
  }
}

/** A fresh copy of the template's skeleton for the enclosing describe block. */
function useSkeletonCopy(template: { dir: string }) {
  let dir: string;
  beforeAll(async () => {
    dir = await copySkeleton(template.dir);
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));
  return () => dir;
}

it.each(DAY1_TEMPLATES.filter(t => t.ciKeys.length))(
  'the $pathTitle skeleton declares its evidence keys in .onramp/ci.yaml',
  async t => {
    expect(await declaredByCiYaml(t.dir)).toEqual(t.ciKeys);
  },
);

describe('the Client skeleton in CI', () => {
  const dir = useSkeletonCopy(client);

  it('runs its TypeScript tests with node and records client.tests.passed with the counts', async () => {
    const results = await runCiYamlSteps(dir());
    expect(stepsOf(results)).toEqual([
      [
        "Unit tests (node --test, TypeScript run by Node's type stripping)",
        'client.tests.passed',
        true,
      ],
    ]);
    expect(results[0].output).toContain(
      '✔ with the flag on, the page shows the welcome banner',
    );
    expect(results[0].evidence).toEqual({
      runner: 'node:test',
      node: process.version,
      files: ['src/flags.test.ts', 'src/server.test.ts'],
      tests: 7,
      passed: 7,
      failed: 0,
      skipped: 0,
      todo: 0,
    });
  });

  it('fails the step when a test fails', async () => {
    await withChanged(
      path.join(dir(), 'src/flags.ts'),
      original => String(original).replace("value === 'on'", "value === 'off'"),
      () =>
        expect(runCiYamlSteps(dir())).rejects.toThrow(
          /step "Unit tests .*" failed: .*✖ flags come from the file, then FEATURE_FLAGS/s,
        ),
    );
  });
});

describe('the Data Engineering skeleton in CI', () => {
  const dir = useSkeletonCopy(dataEngineering);

  it('validates, loads the table and checks the schedule, each with its evidence', async () => {
    const results = await runCiYamlSteps(dir());
    expect(stepsOf(results)).toEqual([
      ['The sample is what pipeline/sample.py generates', null, false],
      ['Unit tests', null, false],
      ['Extract and validate the sample', 'pipeline.checks.passed', true],
      ['Transform and load the output table', 'pipeline.table.loaded', true],
      ['Check the schedule in pipeline.toml', 'pipeline.schedule.valid', true],
    ]);
    expect(results[1].output).toMatch(/Ran 10 tests/);
    expect(results[2].evidence).toEqual({
      input: 'data/orders.csv',
      rowsRead: 600,
      rowsValid: 588,
      rowsRejected: 12,
      rejectedByCheck: {
        amounts_positive: 3,
        country_known: 3,
        customer_id_present: 3,
        order_date_valid: 3,
      },
      rejectedShare: 0.02,
      maxRejectedShare: 0.05,
      passed: true,
    });
    expect(results[3].evidence).toEqual({
      rowsRead: 600,
      rowsValid: 588,
      rowsRejected: 12,
      database: 'out/warehouse.sqlite',
      table: 'daily_revenue',
      csv: 'out/daily_revenue.csv',
      rowsWritten: 70,
      firstDate: '2024-06-01',
      lastDate: '2024-06-14',
      revenue: 44466,
    });
    // The CSV has the table's rows under a header.
    const csv = await fs.readFile(
      path.join(dir(), 'out/daily_revenue.csv'),
      'utf8',
    );
    expect(csv.trim().split('\n')).toHaveLength(71);
    const schedule: any = results[4].evidence;
    expect(schedule).toMatchObject({
      schedule: '0 2 * * *',
      timezone: 'UTC',
      manifest: 'pipeline.toml',
    });
    expect(schedule.nextRuns).toHaveLength(3);
    expect(
      schedule.nextRuns.every((r: string) => r.endsWith('T02:00:00Z')),
    ).toBe(true);
  });

  it('fails the validate step, loading nothing, when too many rows are rejected', async () => {
    await fs.rm(path.join(dir(), 'out'), { recursive: true, force: true });
    await withChanged(
      path.join(dir(), 'pipeline.toml'),
      original =>
        String(original).replace(
          'max_rejected_share = 0.05',
          'max_rejected_share = 0.01',
        ),
      async () => {
        await expect(runCiYamlSteps(dir())).rejects.toThrow(
          /step "Extract and validate the sample" failed: .*12 rejected .*too many rows rejected; nothing loaded/s,
        );
        await expect(fs.stat(path.join(dir(), 'out'))).rejects.toThrow(
          /ENOENT/,
        );
      },
    );
  });

  it('fails at the schedule check when the cron line is not one', async () => {
    await withChanged(
      path.join(dir(), 'pipeline.toml'),
      original => String(original).replace('"0 2 * * *"', '"0 25 * * *"'),
      () =>
        expect(runCiYamlSteps(dir())).rejects.toThrow(
          /step "Check the schedule in pipeline.toml" failed: .*hour: '25' is outside 0-23/s,
        ),
    );
  });
});

describe('the Data Science skeleton in CI', () => {
  const dir = useSkeletonCopy(dataScience);

  it('renders the report with its figures and records analysis.report.rendered', async () => {
    const results = await runCiYamlSteps(dir());
    expect(stepsOf(results)).toEqual([
      ['The sample is what analysis/sample.py generates', null, false],
      ['Unit tests', null, false],
      ['Render the report', 'analysis.report.rendered', true],
    ]);
    expect(results[1].output).toMatch(/Ran 6 tests/);
    const details: any = results[2].evidence;
    expect(details).toMatchObject({
      report: 'report/report.md',
      dataset: 'data/usage.csv',
      rows: 336,
      from: '2024-03-04',
      to: '2024-06-23',
      // The change the sample generator plants on day 70.
      shareShift: { platform: 'web', from: '2024-05-13' },
    });
    expect(
      details.figures.map((f: any) => [f.file, f.width, f.height]),
    ).toEqual([
      ['report/daily-active-users.png', 800, 400],
      ['report/session-minutes.png', 600, 400],
    ]);
    const report = await fs.readFile(
      path.join(dir(), 'report/report.md'),
      'utf8',
    );
    expect(report).toContain(
      '![Daily active users by platform](daily-active-users.png)',
    );
    for (const figure of details.figures) {
      const png = await fs.readFile(path.join(dir(), figure.file));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBe(figure.bytes);
    }
    expect(JSON.stringify(details).length).toBeLessThan(64 * 1024);
  });

  it('fails at the sample check when the shipped sample was edited by hand', async () => {
    await withChanged(
      path.join(dir(), 'data/usage.csv'),
      original => String(original).replace(/,web,\d+,/, ',web,1,'),
      () =>
        expect(runCiYamlSteps(dir())).rejects.toThrow(
          /data\/usage.csv is not what python3 -m analysis.sample generates/,
        ),
    );
  });
});

describe('the Machine Learning skeleton in CI', () => {
  const dir = useSkeletonCopy(ml);

  it('passes every step and the training step writes the ml.evaluated metrics', async () => {
    const results = await runCiYamlSteps(dir());
    expect(results.map(r => [r.step.name, r.step.evidence ?? null])).toEqual([
      ['The sample is what model/sample.py generates', null],
      ['Unit tests', null],
      ['Train and evaluate the model', 'ml.evaluated'],
    ]);
    expect(results[1].output).toMatch(/Ran 8 tests/);
    expect(results[1].output).toMatch(/\nOK\n/);
    const metrics: any = results[2].evidence;
    expect(metrics).toMatchObject({
      model: 'LogisticRegression on standardised features (scikit-learn)',
      dataset: 'data/churn.csv',
      rows: 1200,
      trainRows: 900,
      testRows: 300,
      seed: 42,
      beatsBaseline: true,
      metricsFile: 'out/metrics.json',
    });
    expect(metrics.accuracy).toBeGreaterThanOrEqual(
      metrics.baselineAccuracy + 0.05,
    );
    // The fixed seed makes the figures reproducible.
    expect([metrics.accuracy, metrics.baselineAccuracy]).toEqual([0.79, 0.68]);
    expect(
      JSON.parse(
        await fs.readFile(path.join(dir(), 'out/metrics.json'), 'utf8'),
      ),
    ).toEqual(
      Object.fromEntries(
        Object.entries(metrics).filter(([k]) => k !== 'metricsFile'),
      ),
    );
    expect(results.slice(0, 2).every(r => r.evidence === undefined)).toBe(true);
  });

  it('fails at the sample check when the shipped sample was edited by hand', async () => {
    await withChanged(
      path.join(dir(), 'data/churn.csv'),
      original => String(original).replace(/,1\n/, ',0\n'),
      () =>
        expect(runCiYamlSteps(dir())).rejects.toThrow(
          /step "The sample is what model\/sample.py generates" failed: .*data\/churn.csv is not what python3 -m model.sample generates/s,
        ),
    );
  });
});

describe('the Audio Processing skeleton in CI', () => {
  const dir = useSkeletonCopy(audio);

  it('passes every step and the extraction step writes the audio.features summary', async () => {
    const results = await runCiYamlSteps(dir());
    expect(results.map(r => [r.step.name, r.step.evidence ?? null])).toEqual([
      ['The sample is what audio_features/sample.py generates', null],
      ['Unit tests', null],
      ['Extract features from the sample', 'audio.features'],
    ]);
    expect(results[1].output).toMatch(/Ran 10 tests/);
    expect(results[1].output).toMatch(/\nOK\n/);
    const summary: any = results[2].evidence;
    expect(summary).toMatchObject({
      file: 'samples/tones.wav',
      sampleRate: 16000,
      samples: 16000,
      durationSeconds: 1,
      // The generated 440 Hz tone, to the FFT's 1 Hz resolution.
      dominantFrequencyHz: 440,
      frequencyResolutionHz: 1,
      featuresFile: 'out/features.json',
    });
    expect(summary.perFrame).toBeUndefined();
    expect(summary.rms).toBeGreaterThan(0.3);
    // About two zero crossings per period of 440 Hz.
    expect(summary.zeroCrossingRate).toBeCloseTo((2 * 440) / 16000, 2);
    const features = JSON.parse(
      await fs.readFile(path.join(dir(), 'out/features.json'), 'utf8'),
    );
    expect(features.perFrame).toHaveLength(features.frames);
    expect(JSON.stringify(summary).length).toBeLessThan(64 * 1024);
  });

  it('fails at the sample check when the WAV is not what the script generates', async () => {
    await withChanged(
      path.join(dir(), 'samples/tones.wav'),
      original => {
        const changed = Buffer.from(original);
        changed.writeInt16LE(changed.readInt16LE(8000) + 100, 8000);
        return changed;
      },
      () =>
        expect(runCiYamlSteps(dir())).rejects.toThrow(
          /samples\/tones.wav is not what python3 -m audio_features.sample generates/,
        ),
    );
  });
});
