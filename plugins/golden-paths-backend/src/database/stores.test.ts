import { TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { T0, useGoldenPaths, bootcampCohort } from '../__testUtils__/services';

jest.setTimeout(60_000);

describe('golden-paths stores', () => {
  const databases = TestDatabases.create();

  it('runs on PostgreSQL in CI', () => {
    const ids = databases.eachSupportedId().map(([id]) => id as string);
    // In CI (the test command sets CI=true) PostgreSQL must not be skipped.
    expect(!process.env.CI || ids.includes('POSTGRES_15')).toBe(true);
    expect(databases.eachSupportedId().length).toBeGreaterThan(0);
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const t = useGoldenPaths(databases, databaseId);

    it('migrates down and up again', async () => {
      const directory = require('node:path').resolve(
        __dirname,
        '../../migrations',
      );
      await t.knex.migrate.rollback({ directory }, true);
      expect(await t.knex.schema.hasTable('gp_journeys')).toBe(false);
      expect(await t.knex.schema.hasTable('gp_evidence')).toBe(false);
      expect(await t.knex.schema.hasTable('gp_local_ci_runs')).toBe(false);
      await t.knex.migrate.latest({ directory });
      expect(await t.knex.schema.hasTable('gp_journeys')).toBe(true);
      expect(await t.knex.schema.hasTable('gp_stuck_notices')).toBe(true);
      expect(await t.knex.schema.hasTable('gp_local_ci_runs')).toBe(true);
    });

    it('guards journey updates with the version column', async () => {
      const { journey } = await t.gp.startJourney(
        'user:default/a',
        'backend-day-1',
      );
      const row = (await t.gp.stores.journeys.getJourneyById(journey.id))!;
      const stale = { ...row };
      await t.gp.stores.journeys.touchJourney(row, t.now + 1);
      await expect(
        t.gp.stores.journeys.touchJourney(stale, t.now + 2),
      ).rejects.toThrow(ConflictError);
    });

    it('updates cohorts with optimistic concurrency', async () => {
      const cohort = await t.gp.stores.cohorts.createCohort(
        {
          id: 'bootcamp-2026-11',
          title: 'Engineering Bootcamp 2026-11',
          startDate: '2026-11-02',
          owner: 'user:default/amara.okafor',
          members: ['user:default/a', 'user:default/b', 'user:default/a'],
        },
        t.now,
      );
      expect(cohort.members).toEqual(['user:default/a', 'user:default/b']);
      await expect(
        t.gp.stores.cohorts.createCohort({ ...cohort, members: [] }, t.now),
      ).rejects.toThrow(ConflictError);
      const updated = await t.gp.stores.cohorts.updateCohort(
        cohort.id,
        { ...cohort, members: ['user:default/c'], version: 1 },
        t.now + 1,
      );
      expect(updated.version).toBe(2);
      expect(updated.members).toEqual(['user:default/c']);
      await expect(
        t.gp.stores.cohorts.updateCohort(
          cohort.id,
          { ...cohort, version: 1 },
          t.now + 2,
        ),
      ).rejects.toThrow(/version 2, not 1/);
    });

    it('finds idle cohort journeys and claims each notice once', async () => {
      await t.gp.startJourney('user:default/a', 'backend-day-1');
      await t.gp.startJourney('user:default/x', 'backend-day-1');
      await t.gp.stores.cohorts.createCohort(
        bootcampCohort(['user:default/a']),
        t.now,
      );
      const idle = await t.gp.stores.cohorts.listIdleCohortJourneys(T0 + 1, 10);
      expect(idle.map(i => i.userEntityRef)).toEqual(['user:default/a']);
      expect(idle[0].cohortOwner).toBe('user:default/amara.okafor');
      expect(await t.gp.stores.cohorts.listIdleCohortJourneys(T0, 10)).toEqual(
        [],
      );
      expect(
        await t.gp.stores.cohorts.claimStuckNotice(
          idle[0].journeyId,
          'x',
          t.now,
        ),
      ).toBe(true);
      expect(
        await t.gp.stores.cohorts.claimStuckNotice(
          idle[0].journeyId,
          'x',
          t.now,
        ),
      ).toBe(false);
    });
  });
});
