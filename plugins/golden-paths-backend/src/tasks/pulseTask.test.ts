import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AMARA, startGoldenPathsBackend } from '../__testUtils__/backend';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;

describe('the pulse survey task', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'runs on goldenPaths.pulse.schedule and asks once across runs on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const scheduler = mockServices.scheduler.mock();
      const backend = await startGoldenPathsBackend({
        knex,
        config: {
          goldenPaths: {
            metrics: { viewers: [AMARA] },
            pulse: {
              schedule: { frequency: { minutes: 5 }, timeout: { minutes: 2 } },
              catchUpDays: 3,
            },
          },
        },
        features: [scheduler.factory],
      });
      try {
        const task = scheduler.scheduleTask.mock.calls
          .map(([t]) => t as SchedulerServiceTaskInvocationDefinition)
          .find(t => t.id === 'golden-paths-pulse-asks')!;
        expect(task).toMatchObject({
          frequency: { minutes: 5 },
          timeout: { minutes: 2 },
        });
        const startAt = Math.floor((Date.now() - 8 * DAY) / DAY) * DAY;
        await knex('gp_people').insert([
          // Day 7 arrived yesterday: asked.
          {
            user_entity_ref: 'user:default/ann',
            start_date: new Date(startAt).toISOString().slice(0, 10),
            start_at: startAt,
            synced_at: Date.now(),
          },
          // Day 7 arrived five days ago, past the 3-day catch-up: not asked.
          {
            user_entity_ref: 'user:default/bob',
            start_date: new Date(startAt - 4 * DAY).toISOString().slice(0, 10),
            start_at: startAt - 4 * DAY,
            synced_at: Date.now(),
          },
        ]);
        const signal = new AbortController().signal;
        await Promise.all([task.fn(signal), task.fn(signal)]);
        await task.fn(signal);
        const pulses = backend.send.mock.calls.filter(
          ([n]: any[]) => n.payload.topic === 'golden-paths-pulse',
        );
        expect(pulses.map(([n]: any[]) => n.recipients)).toEqual([
          { type: 'entity', entityRef: 'user:default/ann' },
        ]);
      } finally {
        await backend.stop();
      }
    },
  );
});
