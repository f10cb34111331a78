import { TestDatabases } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import {
  createLocalGitFixture,
  localCiReplica,
  pollAndRun,
} from '../__testUtils__/localCi';
import { createTestGoldenPaths } from '../__testUtils__/services';

jest.setTimeout(120_000);

// Test fixture only: the templates live outside this package.
// eslint-disable-next-line no-restricted-syntax
const templates = path.resolve(__dirname, '../../../../examples/templates');

/** A skeleton's files with its template placeholders filled in. */
function renderSkeleton(dir: string, values: Record<string, string>) {
  const files: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), {
      withFileTypes: true,
    })) {
      const file = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        walk(file);
      } else {
        files[file] = fs
          .readFileSync(path.join(dir, file), 'utf8')
          .replace(
            /\$\{\{ values\.(\w+)( \| dump)? \}\}/g,
            (_m, key: string, dump?: string) =>
              dump ? JSON.stringify(values[key]) : values[key],
          );
      }
    }
  };
  walk('');
  return files;
}

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
          renderSkeleton(
            path.join(templates, 'day-1-backend-service', 'skeleton'),
            {
              name: 'svc',
              description: 'A service',
              owner: 'group:default/backend',
              system: 'system:default/onramp',
              port: '8080',
              host: 'svc.onramp.localhost',
              image: 'registry.onramp.localhost/svc:0.1.0',
            },
          ),
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
