import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AMARA, insightsOf } from '../__testUtils__/pulse';
import { describeOnEachDatabase } from '../__testUtils__/services';
import { DEMO_NEWCOMERS } from './demoNewcomers';
import { seedDemoHistory } from './seedDemoHistory';

jest.setTimeout(120_000);

describeOnEachDatabase('the demo pulse answers', t => {
  it('give the Pulse section groups of five and more, and hide the small disciplines', async () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    t.now = now;
    await t.gp.stores.people.replaceStartDates(
      DEMO_NEWCOMERS.filter(p => p.startDate).map(p => ({
        userEntityRef: `user:default/${p.name}`,
        startDate: p.startDate!,
      })),
      now,
    );
    await seedDemoHistory({
      stores: t.gp.stores,
      paths: t.gp.paths,
      logger: mockServices.logger.mock(),
      now,
    });
    const insights = await insightsOf(t).insights(
      mockCredentials.user(AMARA),
      {},
    );
    const withStartDate = DEMO_NEWCOMERS.filter(p => p.startDate).length;
    // Everyone with a start date answered day 7 and day 30.
    expect(insights.byDay.slice(0, 2)).toMatchObject([
      { day: 7, people: withStartDate, suppressed: false },
      { day: 30, people: withStartDate, suppressed: false },
    ]);
    expect(insights.byDay.every(d => !d.suppressed && d.people! >= 5)).toBe(
      true,
    );
    const shown = insights.byDiscipline.filter(d => !d.suppressed);
    expect(shown.map(d => d.discipline)).toEqual(['Backend']);
    expect(insights.hiddenGroups.byDiscipline).toBeGreaterThan(0);
    // The demo asks are answered: the scheduled ask has nothing left for them.
    expect(await insightsOf(t).askDue()).toBe(0);
  });
});
