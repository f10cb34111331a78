import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { DAY1 } from '../__testUtils__/backend';
import { describeOnEachDatabase, HOUR, T0 } from '../__testUtils__/services';
import { computeMetrics } from '../service/metrics';
import { MetricsFilter, MetricsStore, StepFigure } from './MetricsStore';

jest.setTimeout(120_000);

const directory = resolvePackagePath(
  '@onramp/backstage-plugin-golden-paths-backend',
  'migrations',
);
const MIGRATION = '20261215000000_step_metrics_rollup.js';
const BACKEND = 'backend-day-1';
/** The evidence of Backend's steps after the manual first one, in order. */
const KEYS = [
  'template.succeeded',
  'deploy.healthy',
  'monitoring.configured',
  'dns.resolves',
];
const PEOPLE = Array.from({ length: 9 }, (_, i) => `user:default/p${i}`);

const byGroup = (figures: StepFigure[]) =>
  [...figures].sort((a, b) =>
    `${a.pathId}/${a.stepId}`.localeCompare(`${b.pathId}/${b.stepId}`),
  );

/** `GET /metrics` of a store, without the rollup's `asOf`. */
async function metricsOf(t: { gp: any; now: number }, store: MetricsStore) {
  const metrics = await computeMetrics({
    store,
    paths: t.gp.paths,
    query: {},
    deployEvidenceKey: 'deploy.healthy',
    minimumGroupSize: 1,
    now: t.now,
  });
  return JSON.parse(
    JSON.stringify(metrics, (key, value) =>
      key === 'asOf' ? undefined : value,
    ),
  );
}

describeOnEachDatabase('the step metrics rollup', t => {
  /** The rollup's figures, checked equal to the live computation. */
  async function expectRollupIsLive(filter: MetricsFilter = {}) {
    const store = t.gp.stores.metrics;
    const rollup = await store.steps(filter);
    const live = await store.steps(filter, { live: true });
    expect(rollup.rollupRebuiltAt).toEqual(expect.any(Number));
    expect(live.rollupRebuiltAt).toBeUndefined();
    expect(byGroup(rollup.figures)).toEqual(byGroup(live.figures));
    return rollup.figures;
  }

  /** Everyone records the evidence `key` at `hours` (concurrently). */
  async function round(key: string, hours: number, people = PEOPLE) {
    t.now = T0 + hours * HOUR;
    await Promise.all(
      people.map(person =>
        t.gp.recordEvidence({
          userEntityRef: person,
          key,
          evidenceId: `${person}-${key}`,
          templateRef: DAY1,
        }),
      ),
    );
  }

  it('answers as the live computation after every write', async () => {
    // Starts an hour apart; three people are on Client too, where
    // deploy.healthy then completes the last check of the `ship` step: one
    // piece of evidence completes steps of two paths in one transaction.
    for (const [i, person] of PEOPLE.entries()) {
      t.now = T0 + i * HOUR;
      await t.gp.startJourney(person, BACKEND);
      if (i % 3 === 0) {
        await t.gp.startJourney(person, 'client-day-1');
      }
    }
    expect(await expectRollupIsLive()).toEqual([]);
    t.now = T0 + 10 * HOUR;
    await t.gp.completeManualStep(PEOPLE[1], BACKEND, 'dev-environment', {});
    expect(await expectRollupIsLive()).toHaveLength(1);

    await round(KEYS[0], 20);
    await round('client.feature.visible', 21, [PEOPLE[0], PEOPLE[3]]);
    await round(KEYS[1], 23, PEOPLE.slice(0, 6));
    await round(KEYS[2], 30, PEOPLE.slice(2, 5));
    const figures = await expectRollupIsLive();
    await expectRollupIsLive({ pathIds: [BACKEND] });
    await expectRollupIsLive({ pathIds: [] });
    expect(
      figures.find(f => f.pathId === BACKEND && f.stepId !== 'dev-environment'),
    ).toMatchObject({
      completed: expect.any(Number),
      medianMs: expect.any(Number),
    });
    expect(figures).toContainEqual(
      expect.objectContaining({ pathId: 'client-day-1', stepId: 'ship' }),
    );

    // The whole answer is the same, with the rollup's time on step figures.
    const store = t.gp.stores.metrics;
    const live: MetricsStore = Object.assign(Object.create(store), {
      steps: (filter: MetricsFilter) => store.steps(filter, { live: true }),
    });
    expect(await metricsOf(t, store)).toEqual(await metricsOf(t, live));
    const withRollup = await computeMetrics({
      store,
      paths: t.gp.paths,
      query: { pathId: BACKEND },
      deployEvidenceKey: 'deploy.healthy',
      minimumGroupSize: 1,
      now: t.now,
    });
    const asOf = withRollup.paths[0].steps[1].time.method.asOf;
    expect(new Date(asOf!).getTime()).toBeLessThanOrEqual(Date.now());
    expect(withRollup.paths[0].timeToComplete.method.asOf).toBeUndefined();
    // A cohort or date filter is computed live.
    expect((await store.steps({ from: T0 })).rollupRebuiltAt).toBeUndefined();
  });

  it('is rebuilt for rows written around the plugin and after its migration', async () => {
    for (const person of PEOPLE.slice(0, 4)) {
      await t.gp.startJourney(person, BACKEND);
    }
    await round(KEYS[0], 5);
    const store = t.gp.stores.metrics;
    // A completion written by hand (an import, a restore): stale until the
    // rebuild, which says what it corrected.
    const journey = await t.gp.stores.journeys.getJourney(PEOPLE[0], BACKEND);
    await t.knex('gp_step_progress').insert({
      journey_id: journey!.id,
      step_id: 'imported-step',
      check_id: '',
      source: 'evidence',
      completed_at: T0 + 6 * HOUR,
      duration_ms: HOUR,
    });
    const stale = await store.steps({});
    const live = await store.steps({}, { live: true });
    expect(stale.figures).toHaveLength(live.figures.length - 1);
    expect(await store.rebuildStepMetrics(t.now)).toEqual({
      groups: live.figures.length,
      corrected: 1,
    });
    expect((await store.steps({})).rollupRebuiltAt).toBe(t.now);
    await expectRollupIsLive();

    // Down and up again over completions: live until the first rebuild.
    await t.knex.migrate.down({ directory, name: MIGRATION });
    expect(await t.knex.schema.hasTable('gp_step_metrics')).toBe(false);
    expect(await t.knex.schema.hasTable('gp_rollup_state')).toBe(false);
    await t.knex.migrate.latest({ directory });
    const before = await store.steps({});
    expect(before.rollupRebuiltAt).toBeUndefined();
    expect(byGroup(before.figures)).toEqual(byGroup(live.figures));
    await round(KEYS[1], 8, PEOPLE.slice(0, 2));
    expect(await store.rebuildStepMetrics(t.now)).toEqual({
      groups: live.figures.length + 1,
      // Only the group written since the migration was there.
      corrected: live.figures.length,
    });
    await expectRollupIsLive();
  });
});
