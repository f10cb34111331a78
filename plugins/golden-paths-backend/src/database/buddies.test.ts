import { TestDatabases } from '@backstage/backend-test-utils';
import path from 'node:path';
import { createStores } from '.';

jest.setTimeout(60_000);

const directory = path.resolve(__dirname, '../../migrations');
const MIGRATION = '20261214050000_journey_buddies.js';
const BUDDY = 'user:default/anna';

describe('onboarding buddies in the database', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('the journey_buddies migration goes up (rows go with their journey) and down natively', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      if (knex.client.config.client.includes('sqlite')) {
        await knex.raw('PRAGMA foreign_keys = ON');
      }
      const stores = await createStores({ getClient: async () => knex });
      const { journey } = await stores.journeys.createJourney(
        'user:default/newcomer',
        'backend-day-1',
        1,
      );
      expect(
        await stores.buddies.suggest({
          journeyId: journey.id,
          buddyRef: BUDDY,
          reason: 'Backend',
          suggestedAt: 2,
        }),
      ).toBe(true);
      // One suggestion at a time, and never the same person twice.
      expect(
        await stores.buddies.suggest({
          journeyId: journey.id,
          buddyRef: 'user:default/ben',
          reason: 'Backend',
          suggestedAt: 3,
        }),
      ).toBe(false);
      await knex('gp_journeys').where({ id: journey.id }).delete();
      expect(await knex('gp_journey_buddies')).toEqual([]);

      await knex.migrate.down({ directory, name: MIGRATION });
      expect(await knex.schema.hasTable('gp_journey_buddies')).toBe(false);
      expect(await knex.schema.hasTable('gp_journeys')).toBe(true);
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('gp_journey_buddies')).toBe(true);
    });

    it('concurrent confirms never give one buddy more than maxPerBuddy people', async () => {
      const knex = await databases.init(databaseId);
      const stores = await createStores({ getClient: async () => knex });
      const journeyIds: string[] = [];
      for (let i = 0; i < 12; i++) {
        const { journey } = await stores.journeys.createJourney(
          `user:default/newcomer-${i}`,
          'backend-day-1',
          1,
        );
        await stores.buddies.suggest({
          journeyId: journey.id,
          buddyRef: BUDDY,
          reason: 'Backend',
          suggestedAt: 2,
        });
        journeyIds.push(journey.id);
      }
      const results = await Promise.all(
        journeyIds.map(id =>
          stores.buddies.confirm(id, BUDDY, {
            by: 'user:default/manager',
            at: 3,
            maxPerBuddy: 3,
          }),
        ),
      );
      expect(results.filter(r => r.outcome === 'confirmed')).toHaveLength(3);
      expect(results.filter(r => r.outcome === 'full')).toHaveLength(9);
      expect((await stores.buddies.countConfirmed([BUDDY])).get(BUDDY)).toBe(3);
      expect(
        await knex('gp_journey_buddies').where({ status: 'suggested' }),
      ).toHaveLength(9);
    });
  });
});
