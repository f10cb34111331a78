import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  AMARA,
  GoldenPathsTestBackend,
  startGoldenPathsBackend,
} from '../__testUtils__/backend';

jest.setTimeout(60_000);

/** Cohorts of 4, 3 and 5 people, everyone on the Backend path. */
const COHORTS = { four: 4, three: 3, five: 5 } as const;

async function seedCohorts(backend: GoldenPathsTestBackend) {
  for (const [id, size] of Object.entries(COHORTS)) {
    const members = Array.from(
      { length: size },
      (_, i) => `user:default/${id}-${i}`,
    );
    for (const member of members) {
      const started = await backend
        .call('post', '/journeys', member)
        .send({ pathId: 'backend-day-1' });
      expect(started.status).toBe(201);
    }
    const created = await backend.call('post', '/cohorts', AMARA).send({
      id,
      title: `Cohort ${id}`,
      startDate: '2026-11-02',
      owner: AMARA,
      members,
    });
    expect(created.status).toBe(201);
  }
}

/** The cells of one CSV line ("a,""b"",c" quoting). */
function csvCells(line: string): string[] {
  const cells = [''];
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cells[cells.length - 1] += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      cells.push('');
    } else {
      cells[cells.length - 1] += c;
    }
  }
  return cells;
}

/** The CSV's rows as objects keyed by its header. */
function csvRecords(text: string): Array<Record<string, string>> {
  const [header, ...lines] = text.split('\r\n').filter(Boolean);
  const names = csvCells(header);
  return lines.map(line => {
    const cells = csvCells(line);
    expect(cells).toHaveLength(names.length);
    return Object.fromEntries(names.map((name, i) => [name, cells[i]]));
  });
}

const HIDDEN = {
  people: null,
  started: null,
  completed: null,
  rate: null,
  suppressed: true,
};

describe('minimum group size in the metrics API and CSV', () => {
  const databases = TestDatabases.create();

  const start = async (databaseId: TestDatabaseId, minimumGroupSize?: number) =>
    startGoldenPathsBackend({
      knex: await databases.init(databaseId),
      config: {
        goldenPaths: {
          metrics: { viewers: [AMARA], minimumGroupSize },
        },
      },
    });

  it.each(databases.eachSupportedId())(
    'a group of 4 never appears, a group of 5 does, on %p',
    async databaseId => {
      const backend = await start(databaseId);
      try {
        await seedCohorts(backend);
        const res = await backend.call('get', '/metrics', AMARA);
        expect(res.status).toBe(200);
        expect(res.body.minimumGroupSize).toBe(5);
        const cohort = (id: string) =>
          res.body.cohorts.find((c: any) => c.cohortId === id);
        expect(cohort('four')).toMatchObject(HIDDEN);
        expect(cohort('three')).toMatchObject(HIDDEN);
        expect(cohort('five')).toMatchObject({
          people: 5,
          started: 5,
          suppressed: false,
        });
        const times = (id: string) =>
          res.body.onboarding.byCohort.find((c: any) => c.cohortId === id);
        expect(times('four')).toMatchObject({
          people: null,
          countedFromJourneyStart: null,
          suppressed: true,
          timeToFirstPr: { count: null, medianMs: null, p90Ms: null },
          timeToFirstDeploy: { count: null, medianMs: null, p90Ms: null },
        });
        expect(times('five')).toMatchObject({ people: 5, suppressed: false });
        // Everyone (12) is a group of its own.
        expect(res.body.onboarding.overall.people).toBe(12);

        const csv = await backend.call('get', '/metrics?format=csv', AMARA);
        const rows = csvRecords(csv.text);
        const row = (scope: string, id: string) =>
          rows.find(r => r.scope === scope && r.id === id)!;
        expect(row('cohort', 'four')).toMatchObject({
          suppressed: 'true',
          people: '',
          started: '',
          completed: '',
          completion_rate: '',
        });
        expect(row('cohort', 'five')).toMatchObject({
          suppressed: 'false',
          people: '5',
          started: '5',
        });
        const onboarding = csvRecords(
          (
            await backend.call(
              'get',
              '/metrics?format=csv&table=onboarding',
              AMARA,
            )
          ).text,
        );
        const four = onboarding.find(r => r.id === 'four')!;
        expect(four).toMatchObject({ suppressed: 'true', people: '' });
        expect(four.first_pr_n).toBe('');
        expect(four.first_deploy_n).toBe('');
        expect(onboarding.find(r => r.id === 'five')).toMatchObject({
          suppressed: 'false',
          people: '5',
          first_pr_n: '0',
        });

        // Filtered to the cohort of 4, everything is that group: all hidden.
        const only = await backend.call('get', '/metrics?cohortId=four', AMARA);
        expect(only.body.onboarding.overall).toMatchObject({
          people: null,
          suppressed: true,
        });
        expect(only.body.timeToFirstTemplate).toMatchObject({
          count: null,
          suppressed: true,
        });
        expect(only.body.paths.every((p: any) => p.started === null)).toBe(
          true,
        );
        // Even the empty paths and disciplines: a zero would describe them.
        expect(only.body.disciplines.length).toBeGreaterThan(1);
        for (const d of only.body.disciplines) {
          expect(d).toEqual({ discipline: d.discipline, ...HIDDEN });
        }
        const onlyCsv = await backend.call(
          'get',
          '/metrics?format=csv&cohortId=four',
          AMARA,
        );
        for (const r of csvRecords(onlyCsv.text)) {
          expect([r.scope, r.suppressed, r.people, r.started]).toEqual([
            r.scope,
            'true',
            '',
            '',
          ]);
        }
      } finally {
        await backend.stop();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'goldenPaths.metrics.minimumGroupSize 3 shows the group of 4 on %p',
    async databaseId => {
      const backend = await start(databaseId, 3);
      try {
        await seedCohorts(backend);
        const res = await backend.call('get', '/metrics', AMARA);
        expect(res.body.minimumGroupSize).toBe(3);
        expect(
          res.body.cohorts.map((c: any) => [
            c.cohortId,
            c.people,
            c.suppressed,
          ]),
        ).toEqual([
          ['five', 5, false],
          ['four', 4, false],
          ['three', 3, false],
        ]);
        const csv = csvRecords(
          (await backend.call('get', '/metrics?format=csv', AMARA)).text,
        );
        expect(csv.find(r => r.id === 'four')).toMatchObject({
          suppressed: 'false',
          people: '4',
          minimum_group_size: '3',
        });
      } finally {
        await backend.stop();
      }
    },
  );
});
