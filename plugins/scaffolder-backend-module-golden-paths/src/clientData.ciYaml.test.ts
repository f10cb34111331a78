import { promises as fs } from 'node:fs';
import path from 'node:path';
import { runCiYamlSteps } from './__testUtils__/ciYaml';
import {
  CLIENT_DATA_TEMPLATES,
  copySkeleton,
} from './__testUtils__/clientDataTemplates';

/*
 * The Client, Data Engineering and Data Science skeletons' .onramp/ci.yaml,
 * run as the local CI runner runs it: each step by execFile with its argv,
 * offline, Debian's /usr/bin/python3 first on PATH after this Node (numpy and
 * matplotlib from python3-numpy and python3-matplotlib), a fresh
 * ONRAMP_EVIDENCE_FILE per step.
 */
const [client, dataEngineering, dataScience] = CLIENT_DATA_TEMPLATES;

const stepsOf = (results: Awaited<ReturnType<typeof runCiYamlSteps>>) =>
  results.map(r => [
    r.step.name,
    r.step.evidence ?? null,
    r.evidence !== undefined,
  ]);

describe('the Client skeleton in CI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await copySkeleton(client.dir);
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('runs its TypeScript tests with node and records client.tests.passed with the counts', async () => {
    const results = await runCiYamlSteps(dir);
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
    const flags = path.join(dir, 'src/flags.ts');
    const original = await fs.readFile(flags, 'utf8');
    await fs.writeFile(
      flags,
      original.replace("value === 'on'", "value === 'off'"),
    );
    try {
      await expect(runCiYamlSteps(dir)).rejects.toThrow(
        /step "Unit tests .*" failed: .*✖ flags come from the file, then FEATURE_FLAGS/s,
      );
    } finally {
      await fs.writeFile(flags, original);
    }
  });
});

describe('the Data Engineering skeleton in CI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await copySkeleton(dataEngineering.dir);
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('validates, loads the table and checks the schedule, each with its evidence', async () => {
    const results = await runCiYamlSteps(dir);
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
      path.join(dir, 'out/daily_revenue.csv'),
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
    const manifest = path.join(dir, 'pipeline.toml');
    const original = await fs.readFile(manifest, 'utf8');
    await fs.rm(path.join(dir, 'out'), { recursive: true, force: true });
    await fs.writeFile(
      manifest,
      original.replace(
        'max_rejected_share = 0.05',
        'max_rejected_share = 0.01',
      ),
    );
    try {
      await expect(runCiYamlSteps(dir)).rejects.toThrow(
        /step "Extract and validate the sample" failed: .*12 rejected .*too many rows rejected; nothing loaded/s,
      );
      await expect(fs.stat(path.join(dir, 'out'))).rejects.toThrow(/ENOENT/);
    } finally {
      await fs.writeFile(manifest, original);
    }
  });

  it('fails at the schedule check when the cron line is not one', async () => {
    const manifest = path.join(dir, 'pipeline.toml');
    const original = await fs.readFile(manifest, 'utf8');
    await fs.writeFile(
      manifest,
      original.replace('"0 2 * * *"', '"0 25 * * *"'),
    );
    try {
      await expect(runCiYamlSteps(dir)).rejects.toThrow(
        /step "Check the schedule in pipeline.toml" failed: .*hour: '25' is outside 0-23/s,
      );
    } finally {
      await fs.writeFile(manifest, original);
    }
  });
});

describe('the Data Science skeleton in CI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await copySkeleton(dataScience.dir);
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('renders the report with its figures and records analysis.report.rendered', async () => {
    const results = await runCiYamlSteps(dir);
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
      path.join(dir, 'report/report.md'),
      'utf8',
    );
    expect(report).toContain(
      '![Daily active users by platform](daily-active-users.png)',
    );
    for (const figure of details.figures) {
      const png = await fs.readFile(path.join(dir, figure.file));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBe(figure.bytes);
    }
    expect(JSON.stringify(details).length).toBeLessThan(64 * 1024);
  });

  it('fails at the sample check when the shipped sample was edited by hand', async () => {
    const csv = path.join(dir, 'data/usage.csv');
    const original = await fs.readFile(csv, 'utf8');
    await fs.writeFile(csv, original.replace(/,web,\d+,/, ',web,1,'));
    try {
      await expect(runCiYamlSteps(dir)).rejects.toThrow(
        /data\/usage.csv is not what python3 -m analysis.sample generates/,
      );
    } finally {
      await fs.writeFile(csv, original);
    }
  });
});
