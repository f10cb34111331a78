import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  createTestGoldenPaths,
  T0,
  bootcampCohort,
} from '../__testUtils__/services';
import { notifyStuckMembers } from './notifications';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;

describe('notifyStuckMembers', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'tells the cohort owner once per stuck step on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      let now = T0;
      const gp = await createTestGoldenPaths(knex, { clock: () => now });
      const { paths, services } = gp;
      const cohorts = gp.stores.cohorts;
      await gp.startJourney('user:default/stuck', 'backend-day-1');
      await gp.startJourney('user:default/fine', 'backend-day-1');
      await gp.startJourney('user:default/solo', 'backend-day-1');
      await cohorts.createCohort(
        bootcampCohort(['user:default/stuck', 'user:default/fine']),
        now,
      );
      now = T0 + 2 * DAY;
      await gp.completeManualStep(
        'user:default/fine',
        'backend-day-1',
        'dev-environment',
        {},
      );
      const send = jest.fn(async () => {});
      const run = (at: number) =>
        notifyStuckMembers({
          cohorts,
          journeys: services.journeys,
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
