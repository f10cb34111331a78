import { mockCredentials } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import {
  createTestGoldenPaths,
  describeOnEachDatabase,
  T0,
} from '../__testUtils__/services';
import { AMARA, insightsOf } from '../__testUtils__/pulse';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;
const viewer = mockCredentials.user(AMARA);

/** People with start dates `daysAgo` days before `now` (00:00 UTC). */
async function withStartDates(
  knex: Knex,
  now: number,
  people: Record<string, number>,
) {
  for (const [name, daysAgo] of Object.entries(people)) {
    const startAt = Math.floor((now - daysAgo * DAY) / DAY) * DAY;
    await knex('gp_people').insert({
      user_entity_ref: `user:default/${name}`,
      start_date: new Date(startAt).toISOString().slice(0, 10),
      start_at: startAt,
      synced_at: now,
    });
  }
}

describeOnEachDatabase('pulse surveys', t => {
  it('asks each person once per day across runs and concurrent replicas', async () => {
    await withStartDates(t.knex, t.now, {
      week: 8, // day 7 arrived yesterday
      month: 35, // day 30 five days ago (day 7 long gone: not asked)
      late: 27, // day 7 twenty days ago: past the 14-day catch-up
      fresh: 3, // nothing yet
      quarter: 95, // day 90
    });
    // A second replica: its own services over the same database.
    const replica = await createTestGoldenPaths(t.knex, { clock: t.clock });
    const runs = await Promise.all([
      t.gp.services.pulse.askDue(),
      replica.services.pulse.askDue(),
      t.gp.services.pulse.askDue(),
    ]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(3);
    // And once more, later the same day.
    t.now += 3 * 60 * 60 * 1000;
    expect(await replica.services.pulse.askDue()).toBe(0);

    const sent = [
      ...t.gp.notifications.send.mock.calls,
      ...replica.notifications.send.mock.calls,
    ].map(([n]) => n);
    expect(sent).toHaveLength(3);
    expect(
      sent.map(n => [n.recipients.entityRef, n.payload.title]).sort(),
    ).toEqual([
      ['user:default/month', 'How are you doing? Your day 30 pulse'],
      ['user:default/quarter', 'How are you doing? Your day 90 pulse'],
      ['user:default/week', 'How are you doing? Your day 7 pulse'],
    ]);
    expect(sent[0].payload.link).toMatch(/^\/golden-paths\?pulse=\d+#pulse$/);
    const asks = await t.knex('gp_pulse_asks').orderBy('user_entity_ref');
    expect(asks.map(a => [a.user_entity_ref, Number(a.day)])).toEqual([
      ['user:default/month', 30],
      ['user:default/quarter', 90],
      ['user:default/week', 7],
    ]);
  });

  it('asks only the latest arrived day, then never an earlier one', async () => {
    // Day 35: day 7 (28 days ago) and day 30 are both in a 30-day catch-up.
    await withStartDates(t.knex, t.now, { late: 35 });
    const pulse = insightsOf(t, { catchUpDays: 30 });
    expect(await pulse.askDue()).toBe(1);
    expect(await pulse.askDue()).toBe(0);
    const asks = await t.knex('gp_pulse_asks');
    expect(asks.map(a => Number(a.day))).toEqual([30]);
  });

  it('keeps answers to asked days, per person, and changes them in place', async () => {
    await withStartDates(t.knex, t.now, { ann: 8, bob: 8 });
    await t.gp.services.pulse.askDue();
    const { pulse } = t.gp.services;
    await pulse.answer('user:default/ann', 7, { onboarded: 2, productive: 3 });
    const changed = await pulse.answer('user:default/ann', 7, {
      onboarded: 4,
      productive: 3,
      comment: 'Better after the buddy session',
    });
    expect(changed.answer).toMatchObject({
      onboarded: 4,
      comment: 'Better after the buddy session',
    });
    // Day 30 was not asked: 404, nothing written.
    await expect(
      pulse.answer('user:default/ann', 30, { onboarded: 5, productive: 5 }),
    ).rejects.toThrow(NotFoundError);
    expect(await pulse.getOwn('user:default/ann')).toMatchObject({
      due: [],
      items: [{ day: 7, answer: { onboarded: 4, productive: 3 } }],
    });
    // Bob's ask is his own and still due.
    expect(await pulse.getOwn('user:default/bob')).toMatchObject({
      due: [7],
      items: [{ day: 7, answer: null }],
    });
    const rows = await t.knex('gp_pulse_answers');
    expect(rows).toHaveLength(1);
    expect(Number(rows[0].version)).toBe(2);
  });

  it('refuses an answer without its ask in the database too', async () => {
    await expect(
      t
        .knex('gp_pulse_answers')
        .insert({
          user_entity_ref: 'user:default/nobody',
          day: 7,
          onboarded: 3,
          productive: 3,
          answered_at: T0,
          updated_at: T0,
        })
        .then(),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/FOREIGN|foreign/),
    });
  });

  it('hides groups under the minimum and the next smallest one', async () => {
    // Day 7: six people; day 30: four people (hidden), so the next smallest
    // family member, day 7, is hidden too.
    const people: Record<string, number> = {};
    for (let i = 0; i < 6; i++) people[`w${i}`] = 8;
    for (let i = 0; i < 4; i++) people[`m${i}`] = 31;
    await withStartDates(t.knex, t.now, people);
    await t.gp.services.pulse.askDue();
    const { pulse } = t.gp.services;
    for (const [i, name] of Object.keys(people).entries()) {
      await pulse.answer(
        `user:default/${name}`,
        name.startsWith('w') ? 7 : 30,
        {
          onboarded: (i % 5) + 1,
          productive: 3,
        },
      );
    }
    // Everyone on one path: a discipline of ten people.
    for (const name of Object.keys(people)) {
      await t.gp.startJourney(`user:default/${name}`, 'backend-day-1');
    }
    const viewers = insightsOf(t);
    await expect(
      viewers.insights(mockCredentials.user('user:default/w0'), {}),
    ).rejects.toThrow(/metrics.viewers/);
    const insights = await viewers.insights(viewer, {});
    expect(insights.overall).toMatchObject({
      answers: 10,
      people: 10,
      suppressed: false,
      onboarded: { distribution: [2, 2, 2, 2, 2], mean: 3 },
      productive: { distribution: [0, 0, 10, 0, 0], mean: 3 },
    });
    expect(insights.byDay.map(d => [d.day, d.suppressed, d.people])).toEqual([
      [7, true, null],
      [30, true, null],
    ]);
    expect(insights.hiddenGroups).toEqual({
      byDay: 2,
      byCohort: 0,
      byDiscipline: 0,
    });
    expect(insights.byDiscipline).toMatchObject([
      { discipline: 'Backend', people: 10, suppressed: false },
    ]);
    // One day only: six answers are shown, and their discipline too.
    const week = await viewers.insights(viewer, { day: 7 });
    expect(week.byDay).toMatchObject([
      { day: 7, people: 6, suppressed: false },
    ]);
    // Four answers of day 30: the total itself is hidden, and all under it.
    const month = await viewers.insights(viewer, { day: 30 });
    expect(month.overall).toMatchObject({ suppressed: true, answers: null });
    expect(month.byDiscipline).toMatchObject([{ suppressed: true }]);
  });
});
