import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { testRegistry } from '../__fixtures__/paths';
import { GoldenPathsStore } from '../database/GoldenPathsStore';
import { GoldenPathsService } from './GoldenPathsService';
import { notifyStuckMembers } from './notifications';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-11-02T09:00:00Z');

describe('notifyStuckMembers', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'tells the cohort owner once per stuck step on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await GoldenPathsStore.create({
        database: { getClient: async () => knex },
      });
      const paths = await testRegistry();
      let now = T0;
      const service = new GoldenPathsService(store, paths, () => now);
      await service.startJourney('user:default/stuck', 'backend-day-1');
      await service.startJourney('user:default/fine', 'backend-day-1');
      await service.startJourney('user:default/solo', 'backend-day-1');
      await store.createCohort(
        {
          id: 'bootcamp',
          title: 'Bootcamp',
          startDate: '2026-11-02',
          owner: 'user:default/amara.okafor',
          members: ['user:default/stuck', 'user:default/fine'],
        },
        now,
      );
      now = T0 + 2 * DAY;
      await service.completeManualStep(
        'user:default/fine',
        'backend-day-1',
        'dev-environment',
        {},
      );
      const send = jest.fn(async () => {});
      const run = (at: number) =>
        notifyStuckMembers({
          store,
          service,
          paths,
          notifications: { send },
          logger: mockServices.logger.mock(),
          now: at,
          stuckAfterDays: 3,
          linkPrefix: '/golden-paths',
        });

      expect(await run(T0 + 2 * DAY)).toBe(0);
      expect(await run(T0 + 3 * DAY + 1)).toBe(1);
      expect(send).toHaveBeenCalledWith({
        recipients: { type: 'entity', entityRef: 'user:default/amara.okafor' },
        payload: expect.objectContaining({
          title: 'user:default/stuck is stuck on "Set up your dev environment"',
          link: '/golden-paths/backend-day-1',
        }),
      });
      // Not again for the same step, and not for people outside cohorts.
      expect(await run(T0 + 4 * DAY)).toBe(0);
      // "fine" went idle later, on the next step.
      expect(await run(T0 + 5 * DAY + 1)).toBe(1);
      expect(send).toHaveBeenLastCalledWith(
        expect.objectContaining({
          payload: expect.objectContaining({
            title:
              'user:default/fine is stuck on "Create a new service from scratch"',
          }),
        }),
      );
    },
  );
});
