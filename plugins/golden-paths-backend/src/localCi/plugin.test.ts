import {
  coreServices,
  createBackendPlugin,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { SOFIA, startGoldenPathsBackend } from '../__testUtils__/backend';
import { userEntities } from '../__testUtils__/catalog';
import { createLocalGitFixture } from '../__testUtils__/localCi';

jest.setTimeout(120_000);

describe('goldenPaths.localCi in the backend', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'schedules the watcher: a push becomes a run and ci.passed on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const fx = createLocalGitFixture();
      let scheduler: SchedulerService | undefined;
      const backend = await startGoldenPathsBackend({
        knex,
        catalogEntities: userEntities([
          { name: 'sofia.marquez', email: 'sofia.marquez@onramp.example' },
        ]),
        config: {
          goldenPaths: {
            localCi: {
              enabled: true,
              root: fx.root,
              pollIntervalSeconds: 3600,
            },
          },
        },
        features: [
          // The scheduler of a plugin, to trigger the task now.
          createBackendPlugin({
            pluginId: 'trigger',
            register(env) {
              env.registerInit({
                deps: { s: coreServices.scheduler },
                async init({ s }) {
                  scheduler = s;
                },
              });
            },
          }),
        ],
      });
      try {
        const sha = fx.commit('initial', {
          '.onramp/ci.yaml':
            "steps: [{ name: ok, run: [/usr/bin/python3, -c, 'print(1)'] }]\n",
        });
        fx.push('main');
        await scheduler!.triggerTask('golden-paths-local-ci');
        let status: string | undefined;
        while (status !== 'passed' && status !== 'failed') {
          await new Promise(r => setTimeout(r, 200));
          status = (await knex('gp_local_ci_runs').first('status'))?.status;
        }
        expect(status).toBe('passed');
        let evidence: unknown[] = [];
        while (evidence.length === 0) {
          await new Promise(r => setTimeout(r, 200));
          evidence = await knex('gp_evidence').where({
            user_entity_ref: SOFIA,
            key: 'ci.passed',
          });
        }
        expect(evidence).toMatchObject([
          { evidence_id: `local-git:svc.git:${sha}:ci.passed` },
        ]);
      } finally {
        await backend.stop();
        fx.remove();
      }
    },
  );
});
