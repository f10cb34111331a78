import {
  HOUR,
  T0,
  describeOnEachDatabase,
  bootcampCohort,
} from '../__testUtils__/services';
import { DAY1 } from '../__testUtils__/backend';
import { computeMetrics } from './metrics';
import { metricsTable } from './csvTables';

jest.setTimeout(60_000);

describeOnEachDatabase('onboarding metrics', t => {
  it('computes onboarding metrics in SQL', async () => {
    // Three people on the Backend path, one on Client.
    // a: finishes everything in 6h; b: dev-env + template at 2h, then stops;
    // c: only starts.
    const people = ['user:default/a', 'user:default/b', 'user:default/c'];
    for (const person of people) {
      await t.gp.startJourney(person, 'backend-day-1');
    }
    await t.gp.startJourney('user:default/d', 'client-day-1');
    await t.gp.stores.cohorts.createCohort(
      bootcampCohort(['user:default/a', 'user:default/b']),
      t.now,
    );
    const step = async (person: string, hours: number, key: string) => {
      t.now = T0 + hours * HOUR;
      if (key === 'manual') {
        await t.gp.completeManualStep(
          person,
          'backend-day-1',
          'dev-environment',
          {},
        );
        return;
      }
      await t.gp.recordEvidence({
        userEntityRef: person,
        key,
        evidenceId: `${person}-${key}`,
        templateRef: DAY1,
      });
    };
    await step('user:default/a', 1, 'manual');
    await step('user:default/a', 2, 'template.succeeded');
    await step('user:default/a', 3, 'deploy.healthy');
    await step('user:default/a', 5, 'monitoring.configured');
    await step('user:default/a', 6, 'dns.resolves');
    await step('user:default/b', 1, 'manual');
    await step('user:default/b', 4, 'template.succeeded');

    const metrics = await computeMetrics({
      store: t.gp.stores.metrics,
      paths: t.gp.paths,
      query: {},
      deployEvidenceKey: 'deploy.healthy',
      // Groups of one to four: these tests check the figures themselves.
      minimumGroupSize: 1,
      now: t.now,
    });
    // Templates at 2h (a) and 4h (b) after starting: median 3h.
    // p90 of 2h and 4h: 2h + 0.9 * (4h - 2h).
    expect(metrics.timeToFirstTemplate).toEqual({
      count: 2,
      medianMs: 3 * HOUR,
      p90Ms: 3.8 * HOUR,
      suppressed: false,
      method: {
        clockStart: 'first-journey-start',
        clockStop: 'first template.succeeded evidence',
        filters: {},
      },
    });
    expect(metrics.timeToFirstDeploy).toMatchObject({
      count: 1,
      medianMs: 3 * HOUR,
      p90Ms: 3 * HOUR,
      method: { clockStart: 'start-date', countedFromJourneyStart: 4 },
    });
    expect(metrics.timeToDay1Complete).toMatchObject({
      count: 1,
      medianMs: 6 * HOUR,
      method: { clockStart: 'journey-start' },
    });
    const backend = metrics.paths.find(p => p.pathId === 'backend-day-1')!;
    expect(backend).toMatchObject({ started: 3, completed: 1 });
    expect(backend.rate).toBeCloseTo(1 / 3);
    expect(
      backend.steps.map(s => [
        s.stepId,
        s.completed,
        s.dropOff,
        s.time.medianMs,
      ]),
    ).toEqual([
      ['dev-environment', 2, 1, 1 * HOUR],
      ['create-service', 2, 0, 2 * HOUR], // a: 1h after dev-env, b: 3h
      ['deploy', 1, 1, 1 * HOUR],
      ['monitoring', 1, 0, 2 * HOUR],
      ['dns', 1, 0, 1 * HOUR],
    ]);
    expect(metrics.disciplines).toEqual(
      expect.arrayContaining([
        {
          discipline: 'Backend',
          people: 3,
          started: 3,
          completed: 1,
          rate: 1 / 3,
          suppressed: false,
        },
        {
          discipline: 'Client',
          people: 1,
          started: 1,
          completed: 0,
          rate: 0,
          suppressed: false,
        },
      ]),
    );
    expect(metrics.cohorts).toEqual([
      {
        cohortId: 'bootcamp',
        title: 'Bootcamp',
        people: 2,
        started: 2,
        completed: 1,
        rate: 0.5,
        suppressed: false,
      },
    ]);

    const cohortOnly = await computeMetrics({
      store: t.gp.stores.metrics,
      paths: t.gp.paths,
      query: { cohortId: 'bootcamp', discipline: 'backend' },
      deployEvidenceKey: 'deploy.healthy',
      // Groups of one to four: these tests check the figures themselves.
      minimumGroupSize: 1,
      now: t.now,
    });
    expect(cohortOnly.paths.map(p => [p.pathId, p.started])).toEqual([
      ['backend-day-1', 2],
    ]);
    expect(cohortOnly.timeToFirstTemplate.count).toBe(2);

    const csv = metricsTable(metrics);
    expect(csv.header.join(',')).toBe(
      'scope,id,title,suppressed,people,started,completed,completion_rate,drop_off,n,median_ms,p90_ms,clock_start,clock_stop,counted_from_journey_start,filters,minimum_group_size,as_of',
    );
    expect(csv.rows).toContainEqual([
      'path',
      'backend-day-1',
      'Backend',
      'false',
      3,
      3,
      1,
      '0.3333',
      undefined,
      1,
      21600000,
      21600000,
      'journey-start',
      'journey completed',
      undefined,
      'pathId=backend-day-1',
      1,
      '',
    ]);
    expect(csv.rows).toContainEqual([
      'cohort',
      'bootcamp',
      'Bootcamp',
      'false',
      2,
      2,
      1,
      '0.5000',
      undefined,
      '',
      '',
      '',
      '',
      '',
      '',
      'cohortId=bootcamp',
      1,
      '',
    ]);
  });
});
