import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  AMARA,
  asUser,
  startGoldenPathsBackend,
} from '../__testUtils__/backend';

jest.setTimeout(60_000);

// Titles are trimmed: a formula behind leading whitespace is still caught.
const FORMULAS = ['=1+1', '+SUM(A1)', '-2', '@x', '\t=2+2'];

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
          "cohort,c0,'=1+1,true,,,,,,,,,,,,cohortId=c0,5,",
          "cohort,c1,'+SUM(A1),true,,,,,,,,,,,,cohortId=c1,5,",
          "cohort,c2,'-2,true,,,,,,,,,,,,cohortId=c2,5,",
          "cohort,c3,'@x,true,,,,,,,,,,,,cohortId=c3,5,",
          "cohort,c4,'=2+2,true,,,,,,,,,,,,cohortId=c4,5,",
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
        expect(lines[0]).toBe(
          'group,id,title,suppressed,people,counted_from_journey_start,clock_start,filters,minimum_group_size,first_pr_n,first_pr_median_ms,first_pr_p90_ms,first_pr_median_days,first_pr_p90_days,tenth_merged_pr_n,tenth_merged_pr_median_ms,tenth_merged_pr_p90_ms,tenth_merged_pr_median_days,tenth_merged_pr_p90_days,first_deploy_n,first_deploy_median_ms,first_deploy_p90_ms,first_deploy_median_days,first_deploy_p90_days',
        );
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
