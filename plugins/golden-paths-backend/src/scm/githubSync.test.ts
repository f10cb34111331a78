import {
  mockServices,
  registerMswTestHooks,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import { catalogWithUsers } from '../__testUtils__/catalog';
import {
  createTestGoldenPaths,
  expectSofiasTenthMergedPr,
} from '../__testUtils__/services';
import { pullRequestSourceFromConfig } from './fromConfig';
import { syncMergedPullRequests } from './sync';
import {
  API,
  config,
  larsItems,
  searchHandler,
  sofiaItems,
  T0,
} from '../__testUtils__/github';

jest.setTimeout(60_000);

const server = setupServer();
registerMswTestHooks(server);

describe('GitHub merged pull requests through the sync', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'are attributed by GitHub login and feed time to 10th merged PR on %p (recorded HTTP, msw)',
    async databaseId => {
      server.use(
        searchHandler(API, { 'sofia-m': sofiaItems, 'lars-l': larsItems }, []),
      );
      const knex = await databases.init(databaseId);
      const gp = await createTestGoldenPaths(knex, { clock: () => T0 });
      await gp.startJourney('user:default/sofia.marquez', 'backend-day-1');
      await gp.startJourney('user:default/lars.lindqvist', 'backend-day-1');
      const catalog = catalogWithUsers([
        {
          name: 'sofia.marquez',
          annotations: { 'github.com/user-login': 'sofia-m' },
          // A different email than any commit: the login decides.
          email: 'sofia@personal.example',
        },
        { name: 'lars.lindqvist' },
        { name: 'amara.okafor' },
      ]);
      const logger = mockServices.logger.mock();
      const source = pullRequestSourceFromConfig(config(), logger)!;
      const sync = () =>
        syncMergedPullRequests({
          sources: [source],
          store: gp.stores.mergedPullRequests,
          catalog,
          auth: mockServices.auth(),
          logger,
        });
      expect(await sync()).toBe(15);
      expect(await sync()).toBe(0);
      const rows = await knex('gp_merged_prs')
        .select('user_entity_ref')
        .count({ n: '*' })
        .groupBy('user_entity_ref')
        .orderBy('user_entity_ref');
      expect(rows.map((r: any) => [r.user_entity_ref, Number(r.n)])).toEqual([
        ['user:default/lars.lindqvist', 3],
        ['user:default/sofia.marquez', 12],
      ]);

      await expectSofiasTenthMergedPr(gp, T0);
    },
  );
});
