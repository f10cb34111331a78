import { TestDatabases } from '@backstage/backend-test-utils';
import {
  createLocalGitFixture,
  localCiReplica,
  pollAndRun,
} from '../__testUtils__/localCi';
import { createTestGoldenPaths } from '../__testUtils__/services';
import { renderSkeleton } from '../__testUtils__/skeletons';

jest.setTimeout(120_000);

describe("the Backend Day-1 skeleton's .onramp/ci.yaml on the local CI", () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'passes offline on the first push and records ci.passed for the newcomer on %p',
    async databaseId => {
      const gp = await createTestGoldenPaths(await databases.init(databaseId));
      const fx = createLocalGitFixture();
      const ci = localCiReplica(gp, fx.config);
      try {
        const sha = fx.commit(
          'Create svc from the Day-1 golden path',
          renderSkeleton('day-1-backend-service', {
            name: 'svc',
            description: 'A service',
            owner: 'group:default/backend',
            system: 'system:default/onramp',
            port: '8080',
            host: 'svc.onramp.localhost',
            image: 'registry.onramp.localhost/svc:0.1.0',
          }),
        );
        fx.push('main');
        await pollAndRun(ci);
        const { items } = await gp.stores.localCi.listRuns('svc.git', {
          limit: 10,
          offset: 0,
        });
        expect(items).toHaveLength(1);
        expect(items[0].logTail).toMatch(/# pass 2\n# fail 0/);
        expect(items[0]).toMatchObject({ commit: sha, status: 'passed' });
        const evidence = await gp.stores.journeys.listEvidence(
          'user:default/sofia.marquez',
        );
        expect(evidence.map(e => [e.key, e.outputs?.commit])).toEqual([
          ['ci.passed', sha],
        ]);
      } finally {
        await ci.stop();
        fx.remove();
      }
    },
  );
});
