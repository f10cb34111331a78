import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  AMARA,
  asUser,
  startGoldenPathsBackend,
} from '../__testUtils__/backend';

jest.setTimeout(60_000);

const FORMULAS = ['=1+1', '+SUM(A1)', '-2', '@x', '\tindented'];

describe('the metrics CSV', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'neutralises formula cells in cohort titles on %p',
    async databaseId => {
      const backend = await startGoldenPathsBackend({
        knex: await databases.init(databaseId),
      });
      try {
        for (const [i, title] of FORMULAS.entries()) {
          const created = await backend.call('post', '/cohorts', AMARA).send({
            id: `c${i}`,
            title,
            startDate: '2026-11-02',
            owner: AMARA,
          });
          expect(created.status).toBe(201);
          await request(backend.server)
            .post('/api/golden-paths/journeys')
            .set(asUser(`user:default/m${i}`))
            .send({ pathId: 'backend-day-1' });
          await backend.call('put', `/cohorts/c${i}`, AMARA).send({
            title,
            startDate: '2026-11-02',
            owner: AMARA,
            members: [`user:default/m${i}`],
            version: 1,
          });
        }
        const csv = await backend.call('get', '/metrics?format=csv', AMARA);
        expect(csv.status).toBe(200);
        expect(csv.headers['content-disposition']).toContain(
          'golden-paths-metrics.csv',
        );
        const cohortLines = csv.text
          .split('\r\n')
          .filter(line => line.startsWith('cohort,'));
        // Cohorts of one each: hidden (empty figures), titles neutralised.
        expect(cohortLines).toEqual([
          "cohort,c0,'=1+1,true,,,,,,,,,,,,cohortId=c0,5",
          "cohort,c1,'+SUM(A1),true,,,,,,,,,,,,cohortId=c1,5",
          "cohort,c2,'-2,true,,,,,,,,,,,,cohortId=c2,5",
          "cohort,c3,'@x,true,,,,,,,,,,,,cohortId=c3,5",
          "cohort,c4,'\tindented,true,,,,,,,,,,,,cohortId=c4,5",
        ]);
        expect(backend.auditor.createEvent).toHaveBeenCalledWith(
          expect.objectContaining({ eventId: 'metrics-export' }),
        );
        // The onboarding times: their own columns, the same writer.
        const times = await backend.call(
          'get',
          '/metrics?format=csv&table=onboarding',
          AMARA,
        );
        expect(times.status).toBe(200);
        expect(times.headers['content-disposition']).toContain(
          'golden-paths-onboarding.csv',
        );
        const lines = times.text.split('\r\n');
        const figures = (name: string) =>
          ['n', 'median_ms', 'p90_ms', 'median_days', 'p90_days'].map(
            column => `${name}_${column}`,
          );
        expect(lines[0].split(',')).toEqual([
          'group',
          'id',
          'title',
          'suppressed',
          'people',
          'counted_from_journey_start',
          'clock_start',
          'filters',
          'minimum_group_size',
          ...figures('first_pr'),
          ...figures('tenth_merged_pr'),
          ...figures('first_deploy'),
        ]);
        // Everyone (5 people) is shown: nobody has a PR or a deploy yet, no
        // pull request source (empty 10th merged PR).
        expect(lines[1]).toBe(
          `overall,all,Everyone,false,5,5,start-date,,5,0,,,,,${',,,,,'}0,,,,`,
        );
        expect(lines).toContain(
          `cohort,c0,'=1+1,true,,,start-date,cohortId=c0,5${','.repeat(15)}`,
        );
        const bad = await backend.call(
          'get',
          '/metrics?format=csv&table=nope',
          AMARA,
        );
        expect(bad.status).toBe(400);
      } finally {
        await backend.stop();
      }
    },
  );
});
