import { DAY1 } from '../__testUtils__/backend';
import { describeOnEachDatabase, HOUR, T0 } from '../__testUtils__/services';
import { onboardingTable } from './csvTables';
import { computeMetrics } from './metrics';
import { groupsToHide } from './privacy';

jest.setTimeout(60_000);

const DAY = 24 * HOUR;

describe('groupsToHide', () => {
  const hide = (people: number[], parentHidden = false) =>
    Array.from(groupsToHide(people, 5, parentHidden)).sort();

  it('hides groups under the minimum, and a second one when only one is', () => {
    expect(hide([6, 7])).toEqual([]);
    expect(hide([4, 3, 5])).toEqual([0, 1]);
    // Exactly one under: the next-smallest goes too (5, not 6).
    expect(hide([4, 6, 5])).toEqual([0, 2]);
    // On a tie, the first of the smallest.
    expect(hide([6, 4, 6])).toEqual([0, 1]);
    // Empty groups reveal nothing and protect nothing: skipped.
    expect(hide([4, 0, 7, 9])).toEqual([0, 2]);
    // Alone under its total: nothing else to hide (the total is hidden too).
    expect(hide([4])).toEqual([0]);
    expect(hide([4, 0])).toEqual([0]);
  });

  it('hides every group, empty ones too, under a hidden total', () => {
    expect(hide([0, 3, 1], true)).toEqual([0, 1, 2]);
  });
});

describeOnEachDatabase('suppression and percentiles of the metrics', t => {
  /**
   * 15 newcomers: 4 started in August (Client path), 5 in September (Data
   * Engineering), 6 in October (Backend). Everyone starts the path at T0;
   * the October people deploy 1..6 days after T0; three of them open a PR.
   */
  async function seed() {
    const groups = [
      ['aug', '2026-08-03', 'client-day-1', 4],
      ['sep', '2026-09-01', 'data-engineering-day-1', 5],
      ['oct', '2026-10-01', 'backend-day-1', 6],
    ] as const;
    const people = groups.flatMap(([name, startDate, pathId, size]) =>
      Array.from({ length: size }, (_, i) => ({
        userEntityRef: `user:default/${name}-${i}`,
        startDate,
        pathId,
      })),
    );
    await t.gp.stores.people.replaceStartDates(people, T0);
    for (const p of people) {
      await t.gp.startJourney(p.userEntityRef, p.pathId);
    }
    for (let i = 0; i < 6; i++) {
      await t.gp.recordEvidence({
        userEntityRef: `user:default/oct-${i}`,
        key: 'deploy.healthy',
        evidenceId: `deploy-${i}`,
        templateRef: DAY1,
        occurredAt: new Date(T0 + (i + 1) * DAY).toISOString(),
      });
    }
    for (let i = 0; i < 3; i++) {
      await t.gp.recordEvidence({
        userEntityRef: `user:default/oct-${i}`,
        key: 'pr.opened',
        evidenceId: `pr-${i}`,
        occurredAt: new Date(T0 + DAY).toISOString(),
      });
    }
  }
  const metrics = (minimumGroupSize = 5) =>
    computeMetrics({
      store: t.gp.stores.metrics,
      paths: t.gp.paths,
      query: {},
      deployEvidenceKey: 'deploy.healthy',
      minimumGroupSize,
      now: T0 + 10 * DAY,
    });

  it('closes the subtraction hole: one hidden group takes the next-smallest with it', async () => {
    await seed();
    const m = await metrics();
    const { overall, byStartMonth } = m.onboarding;
    expect(overall).toMatchObject({ people: 15, suppressed: false });
    // August (4) is under 5; September (5) is hidden with it, or its
    // figures would be everyone minus October minus September.
    expect(byStartMonth.map(r => [r.month, r.people, r.suppressed])).toEqual([
      ['2026-08', null, true],
      ['2026-09', null, true],
      ['2026-10', 6, false],
    ]);
    const september = byStartMonth[1];
    expect(september.countedFromJourneyStart).toBeNull();
    expect(september.timeToFirstDeploy).toMatchObject({
      count: null,
      medianMs: null,
      p90Ms: null,
      suppressed: true,
    });
    // The same for the disciplines (and their paths) under the paths total.
    expect(
      m.disciplines.map(d => [d.discipline, d.people, d.suppressed]),
    ).toEqual(
      expect.arrayContaining([
        ['Client', null, true],
        ['Data Engineering', null, true],
        ['Backend', 6, false],
      ]),
    );
    const path = (id: string) => m.paths.find(p => p.pathId === id)!;
    expect(path('data-engineering-day-1')).toMatchObject({
      started: null,
      suppressed: true,
    });
    expect(path('data-engineering-day-1').steps[0]).toMatchObject({
      completed: null,
      dropOff: null,
    });
    expect(path('backend-day-1')).toMatchObject({ started: 6 });

    const csv = onboardingTable(m);
    expect(csv.rows[2].slice(0, 6)).toEqual([
      'start_month',
      '2026-09',
      '2026-09',
      'true',
      null,
      null,
    ]);

    // A minimum of 4 shows every month.
    const lower = await metrics(4);
    expect(lower.onboarding.byStartMonth.map(r => r.people)).toEqual([4, 5, 6]);
  });

  it('gives N, median and p90 as computed by hand, and hides a figure of fewer people', async () => {
    await seed();
    const m = await metrics();
    const october = m.onboarding.byStartMonth[2];
    // Deploys 1..6 days after T0, which is 32 days 9 hours after 1 October:
    // the median sits at rank 3.5, p90 at rank 1 + 0.9 * 5 = 5.5.
    const base = T0 - Date.parse('2026-10-01T00:00:00Z');
    expect(october.timeToFirstDeploy).toEqual({
      count: 6,
      medianMs: base + 3.5 * DAY,
      p90Ms: base + 5.5 * DAY,
      suppressed: false,
      method: {
        clockStart: 'start-date',
        clockStop: 'first deploy.healthy evidence',
        countedFromJourneyStart: 0,
        filters: { startMonth: '2026-10' },
      },
    });
    // Only three opened a pull request: N stays, median and p90 do not.
    expect(october.timeToFirstPr).toMatchObject({
      count: 3,
      medianMs: null,
      p90Ms: null,
      suppressed: true,
    });
    // Overall: the same six deploys.
    expect(m.timeToFirstDeploy).toMatchObject({
      count: 6,
      medianMs: base + 3.5 * DAY,
      p90Ms: base + 5.5 * DAY,
    });
  });
});
