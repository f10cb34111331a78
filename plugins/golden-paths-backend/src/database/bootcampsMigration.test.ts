import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { createStores } from '.';

const directory = resolvePackagePath(
  '@onramp/backstage-plugin-golden-paths-backend',
  'migrations',
);
const MIGRATION = '20261214030000_bootcamps_and_managers.js';
const LUCIA = 'user:default/lucia.rossi';

jest.setTimeout(60_000);

/**
 * Nudges (one per person and UTC day, by the primary key), the person
 * settings and the cohort's path, end date and group; `down` drops them
 * natively and keeps the cohorts and their members.
 */
const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'the bootcamps migration on %s',
  databaseId => {
    it('keeps one nudge per person and day, and goes back down', async () => {
      const knex = await databases.init(databaseId);
      const stores = await createStores({ getClient: async () => knex });
      const now = Date.UTC(2026, 11, 7, 9);
      await stores.cohorts.createCohort(
        {
          id: 'c1',
          title: 'C1',
          startDate: '2026-12-01',
          endDate: '2026-12-19',
          pathId: 'backend-day-1',
          owner: 'user:default/amara.okafor',
          members: [LUCIA],
        },
        now,
      );
      // Ten concurrent nudges of one person on one day: exactly one lands,
      // and only its notification is sent.
      const send = jest.fn(async () => {});
      const claims = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          stores.bootcamps.claimNudge(
            {
              userEntityRef: LUCIA,
              cohortId: 'c1',
              sentBy: 'user:default/amara.okafor',
              sentAt: now + i,
            },
            send,
          ),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(send).toHaveBeenCalledTimes(1);
      // The next day, again; a failing send leaves no nudge behind.
      const tomorrow = now + 24 * 60 * 60 * 1000;
      const failing = stores.bootcamps.claimNudge(
        { userEntityRef: LUCIA, cohortId: 'c1', sentBy: 'x', sentAt: tomorrow },
        async () => {
          throw new Error('notifications are down');
        },
      );
      await expect(failing).rejects.toThrow('notifications are down');
      expect(await stores.bootcamps.listNudgedOn([LUCIA], tomorrow)).toEqual(
        new Set(),
      );
      expect(await stores.bootcamps.listNudgedOn([LUCIA], now)).toEqual(
        new Set([LUCIA]),
      );

      await knex.migrate.down({ directory, name: MIGRATION });
      expect(await knex.schema.hasTable('gp_nudges')).toBe(false);
      expect(await knex.schema.hasTable('gp_person_settings')).toBe(false);
      expect(await knex.schema.hasColumn('gp_cohorts', 'path_id')).toBe(false);
      // The cohort and its members are still there.
      expect(await knex('gp_cohort_members').select('user_entity_ref')).toEqual(
        [{ user_entity_ref: LUCIA }],
      );
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('gp_nudges')).toBe(true);
      expect((await stores.cohorts.getCohort('c1'))?.members).toEqual([LUCIA]);
    });
  },
);
