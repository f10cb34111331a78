import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AMARA, startGoldenPathsBackend } from '../__testUtils__/backend';

jest.setTimeout(60_000);

describe('the step metrics rollup task', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'is global and hourly, and rebuilds the rollup, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const scheduler = mockServices.scheduler.mock();
      const backend = await startGoldenPathsBackend({
        knex,
        config: { goldenPaths: { metrics: { viewers: [AMARA] } } },
        features: [scheduler.factory],
      });
      try {
        const task = scheduler.scheduleTask.mock.calls
          .map(([t]) => t as SchedulerServiceTaskInvocationDefinition)
          .find(t => t.id === 'golden-paths-step-metrics')!;
        expect(task).toMatchObject({
          scope: 'global',
          frequency: { hours: 1 },
        });
        // A completion written around the plugin (an import).
        await knex('gp_journeys').insert({
          id: 'j1',
          user_entity_ref: 'user:default/ann',
          path_id: 'backend-day-1',
          status: 'active',
          started_at: 0,
          last_activity_at: 60_000,
        });
        await knex('gp_step_progress').insert({
          journey_id: 'j1',
          step_id: 'dev-environment',
          source: 'manual',
          completed_at: 60_000,
          duration_ms: 60_000,
        });
        const signal = new AbortController().signal;
        // Two runs at once (as two replicas would, were the claim lost)
        // leave the same rollup.
        await Promise.all([task.fn(signal), task.fn(signal)]);
        const rows = await knex('gp_step_metrics');
        expect(
          rows.map(r => [
            r.path_id,
            r.step_id,
            Number(r.completed),
            Number(r.median_ms),
            Number(r.p90_ms),
          ]),
        ).toEqual([['backend-day-1', 'dev-environment', 1, 60_000, 60_000]]);
        expect(
          Number(
            (await knex('gp_rollup_state').first('rebuilt_at')).rebuilt_at,
          ),
        ).toBeGreaterThan(0);
      } finally {
        await backend.stop();
      }
    },
  );
});
