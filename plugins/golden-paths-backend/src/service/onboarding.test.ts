import { mockServices } from '@backstage/backend-test-utils';
import { DAY1 } from '../__testUtils__/backend';
import { catalogWithUsers } from '../__testUtils__/catalog';
import {
  describeOnEachDatabase,
  bootcampCohort,
  HOUR,
  T0,
} from '../__testUtils__/services';
import { computeMetrics } from './metrics';
import { onboardingTable } from './csvTables';
import { syncStartDates } from './startDates';

jest.setTimeout(60_000);

const DAY = 24 * HOUR;
const A = 'user:default/a';
const B = 'user:default/b';
const C = 'user:default/c';

describeOnEachDatabase('onboarding times from the start date', t => {
  const metrics = (query = {}) =>
    computeMetrics({
      store: t.gp.stores.metrics,
      paths: t.gp.paths,
      query,
      deployEvidenceKey: 'deploy.healthy',
      pullRequests: true,
      // Groups of one to three: these tests check the figures themselves.
      minimumGroupSize: 1,
      now: t.now,
    });
  const merges = (user: string, first: number, count: number) =>
    t.gp.stores.mergedPullRequests.insertMergedPullRequests(
      Array.from({ length: count }, (_, k) => ({
        source: 'test',
        prId: `${user}@${first}#${k}`,
        repository: 'r',
        userEntityRef: user,
        mergedAt: first + k * DAY,
      })),
    );

  it('counts from the start date, else from the journey start, and says how many', async () => {
    // a started at the company on 1 Oct 2026 and on the path on 2 Nov (T0);
    // b and c have no start date: counted from their journey start.
    await t.gp.stores.people.replaceStartDates(
      [{ userEntityRef: A, startDate: '2026-10-01' }],
      T0,
    );
    const oct1 = Date.parse('2026-10-01T00:00:00Z');
    await t.gp.startJourney(A, 'backend-day-1');
    t.now = T0 + 2 * HOUR;
    await t.gp.startJourney(B, 'backend-day-1');
    await t.gp.startJourney(C, 'client-day-1');
    await t.gp.stores.cohorts.createCohort(bootcampCohort([A, B]), t.now);
    // a: a merge before the start date does not count; 10 after it.
    await merges(A, oct1 - 5 * DAY, 1);
    await merges(A, oct1 + 3 * DAY, 10);
    // b: first pull request opened 1 day after the journey start (evidence).
    await t.gp.recordEvidence({
      userEntityRef: B,
      key: 'pr.opened',
      evidenceId: 'b-pr-1',
      occurredAt: new Date(T0 + 2 * HOUR + DAY).toISOString(),
    });
    // a deploys on T0 + 5h: 32 days 5 hours after the start date.
    t.now = T0 + 5 * HOUR;
    await t.gp.recordEvidence({
      userEntityRef: A,
      key: 'deploy.healthy',
      evidenceId: 'a-deploy',
      templateRef: DAY1,
    });

    const m = await metrics();
    expect(m.onboarding.overall).toMatchObject({
      people: 3,
      countedFromJourneyStart: 2,
      suppressed: false,
      // a: 3 days (first merge after the start), b: 1 day; p90 1 + 0.9 * 2.
      timeToFirstPr: { count: 2, medianMs: 2 * DAY, p90Ms: (28 * DAY) / 10 },
      // a's 10th merge after the start date: day 3 + 9.
      timeToTenthMergedPr: { count: 1, medianMs: 12 * DAY },
      timeToFirstDeploy: {
        count: 1,
        medianMs: T0 + 5 * HOUR - oct1,
        method: {
          clockStart: 'start-date',
          clockStop: 'first deploy.healthy evidence',
          countedFromJourneyStart: 2,
          filters: {},
        },
      },
    });
    expect(m.timeToFirstDeploy).toEqual(m.onboarding.overall.timeToFirstDeploy);
    expect(m.timeToTenthMergedPr).toEqual(
      m.onboarding.overall.timeToTenthMergedPr,
    );
    expect(
      m.onboarding.byStartMonth.map(r => [
        r.month,
        r.people,
        r.countedFromJourneyStart,
        r.timeToFirstPr.medianMs,
      ]),
    ).toEqual([
      ['2026-10', 1, 0, 3 * DAY],
      ['2026-11', 2, 2, 1 * DAY],
    ]);
    expect(m.onboarding.byCohort).toEqual([
      expect.objectContaining({
        cohortId: 'bootcamp',
        title: 'Bootcamp',
        people: 2,
        countedFromJourneyStart: 1,
        timeToFirstPr: expect.objectContaining({ count: 2, medianMs: 2 * DAY }),
      }),
    ]);

    // Filters apply: the Client path alone is c, with nothing yet.
    const client = await metrics({ pathId: 'client-day-1' });
    expect(client.onboarding.overall).toMatchObject({
      people: 1,
      countedFromJourneyStart: 1,
      timeToFirstPr: { count: 0, medianMs: null },
    });
    expect(client.onboarding.overall.timeToFirstPr.method.filters).toEqual({
      pathId: 'client-day-1',
    });

    // The CSV of the onboarding times: a row overall, per month, per cohort.
    const csv = onboardingTable(m);
    expect(csv.header.join(',')).toBe(
      'group,id,title,suppressed,people,counted_from_journey_start,clock_start,filters,minimum_group_size,first_pr_n,first_pr_median_ms,first_pr_p90_ms,first_pr_median_days,first_pr_p90_days,tenth_merged_pr_n,tenth_merged_pr_median_ms,tenth_merged_pr_p90_ms,tenth_merged_pr_median_days,tenth_merged_pr_p90_days,first_deploy_n,first_deploy_median_ms,first_deploy_p90_ms,first_deploy_median_days,first_deploy_p90_days',
    );
    const start = ['start-date'];
    expect(csv.rows.map(r => r.slice(0, 14))).toEqual([
      [
        'overall',
        'all',
        'Everyone',
        'false',
        3,
        2,
        ...start,
        '',
        1,
        2,
        2 * DAY,
        (28 * DAY) / 10,
        '2.0',
        '2.8',
      ],
      [
        'start_month',
        '2026-10',
        '2026-10',
        'false',
        1,
        0,
        ...start,
        'startMonth=2026-10',
        1,
        1,
        3 * DAY,
        3 * DAY,
        '3.0',
        '3.0',
      ],
      [
        'start_month',
        '2026-11',
        '2026-11',
        'false',
        2,
        2,
        ...start,
        'startMonth=2026-11',
        1,
        1,
        DAY,
        DAY,
        '1.0',
        '1.0',
      ],
      [
        'cohort',
        'bootcamp',
        'Bootcamp',
        'false',
        2,
        1,
        ...start,
        'cohortId=bootcamp',
        1,
        2,
        2 * DAY,
        (28 * DAY) / 10,
        '2.0',
        '2.8',
      ],
    ]);
  });

  it('ignores evidence from before the person started', async () => {
    // b starts on 10 Nov; evidence from 5 Nov (e.g. a webhook replayed from
    // a previous job, or an earlier contractor's work) completes nothing.
    await t.gp.stores.people.replaceStartDates(
      [{ userEntityRef: B, startDate: '2026-11-10' }],
      T0,
    );
    t.now = Date.parse('2026-11-10T09:00:00Z');
    await t.gp.startJourney(B, 'backend-day-1');
    const before = await t.gp.recordEvidence({
      userEntityRef: B,
      key: 'deploy.healthy',
      evidenceId: 'old-deploy',
      occurredAt: '2026-11-05T12:00:00Z',
    });
    expect(before).toMatchObject({ recorded: false, completed: [] });
    const after = await t.gp.recordEvidence({
      userEntityRef: B,
      key: 'deploy.healthy',
      evidenceId: 'new-deploy',
      occurredAt: '2026-11-10T12:00:00Z',
    });
    expect(after.completed).toEqual([
      { pathId: 'backend-day-1', stepId: 'deploy' },
    ]);
    // Starting another path later does not pick up the old evidence either.
    await t.gp.recordEvidence({
      userEntityRef: B,
      key: 'template.succeeded',
      evidenceId: 'old-template',
      templateRef: DAY1,
      occurredAt: '2026-11-01T12:00:00Z',
    });
    const [journey] = await t.gp.getMyJourneys(B);
    expect(journey.steps.find(s => s.stepId === 'create-service')?.status).toBe(
      'pending',
    );
  });

  it('copies start dates from the catalog: valid ISO dates only', async () => {
    const catalog = catalogWithUsers([
      { name: 'a', annotations: { 'onramp.dev/start-date': '2026-10-01' } },
      { name: 'b', annotations: { 'onramp.dev/start-date': '2026-02-31' } },
      { name: 'c' },
    ]);
    const logger = mockServices.logger.mock();
    const result = await syncStartDates({
      catalog,
      auth: mockServices.auth(),
      store: t.gp.stores.people,
      logger,
      now: T0,
    });
    expect(result).toEqual({ withStartDate: 1, invalid: [B], changed: 1 });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('user:default/b'),
    );
    expect(await t.gp.stores.people.getStartAt(A)).toBe(
      Date.parse('2026-10-01T00:00:00Z'),
    );
    expect(await t.gp.stores.people.getStartAt(C)).toBeNull();
    // A user who left the catalog (or lost the annotation) loses the row.
    const again = await syncStartDates({
      catalog: catalogWithUsers([{ name: 'c' }]),
      auth: mockServices.auth(),
      store: t.gp.stores.people,
      logger,
      now: T0,
    });
    expect(again.changed).toBe(1);
    expect(await t.gp.stores.people.getStartAt(A)).toBeNull();
  });

  it('keeps start dates when the catalog has no users yet (a fresh portal before ingestion)', async () => {
    const sync = (users: Parameters<typeof catalogWithUsers>[0]) =>
      syncStartDates({
        catalog: catalogWithUsers(users),
        auth: mockServices.auth(),
        store: t.gp.stores.people,
        logger: mockServices.logger.mock(),
        now: T0,
      });
    await sync([
      { name: 'a', annotations: { 'onramp.dev/start-date': '2026-10-01' } },
    ]);
    expect(await sync([])).toEqual({
      withStartDate: 0,
      invalid: [],
      changed: 0,
    });
    expect(await t.gp.stores.people.getStartAt(A)).toBe(
      Date.parse('2026-10-01T00:00:00Z'),
    );
  });
});
