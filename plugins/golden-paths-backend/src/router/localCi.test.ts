import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { API, SOFIA, startGoldenPathsBackend } from '../__testUtils__/backend';
import { KnexLocalCiStore } from '../database/LocalCiStore';

jest.setTimeout(60_000);

describe('GET /local-ci/runs', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let backend: Awaited<ReturnType<typeof startGoldenPathsBackend>>;
    let failedRun: number;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      backend = await startGoldenPathsBackend({ knex });
      const store = KnexLocalCiStore.create(knex);
      await knex('gp_local_ci_runs').delete();
      for (const [i, commit] of ['a1', 'b2', 'c3'].entries()) {
        await store.insertRun(
          {
            repository: i < 2 ? 'svc.git' : 'other.git',
            commit: commit.repeat(20),
            branch: 'main',
            authorEmail: 'sofia.marquez@onramp.example',
            userEntityRef: SOFIA,
            status: 'queued',
          },
          1000 + i,
        );
      }
      const run = (await store.claimNextQueued(2000))!;
      failedRun = run.id;
      await store.finishRun(
        run.id,
        {
          status: 'failed',
          steps: [
            {
              name: 'Unit tests',
              status: 'failed',
              durationMs: 5,
              exitCode: 1,
            },
          ],
          logTail: 'AssertionError: boom',
        },
        3000,
      );
    });
    afterAll(() => backend.stop());

    it("lists a repository's runs newest first, with the failed run's log tail", async () => {
      const res = await backend.call(
        'get',
        '/local-ci/runs?repository=svc.git&limit=1',
        SOFIA,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ totalItems: 2, limit: 1, offset: 0 });
      expect(res.body.items.map((r: any) => r.commit)).toEqual([
        'b2'.repeat(20),
      ]);
      const failed = await backend.call(
        'get',
        `/local-ci/runs/${failedRun}`,
        SOFIA,
      );
      expect(failed.body).toMatchObject({
        repository: 'svc.git',
        status: 'failed',
        logTail: 'AssertionError: boom',
        steps: [{ name: 'Unit tests', status: 'failed', exitCode: 1 }],
        createdAt: 1000,
        startedAt: 2000,
        finishedAt: 3000,
      });
    });

    it('answers bad input with a 400, unknown runs with a 404, strangers with a 401', async () => {
      for (const path of [
        '/local-ci/runs',
        '/local-ci/runs?repository=',
        '/local-ci/runs?repository=svc.git&limit=0',
        '/local-ci/runs?repository=svc.git&color=red',
        '/local-ci/runs/abc',
        '/local-ci/runs/0',
      ]) {
        const res = await backend.call('get', path, SOFIA);
        expect([path, res.status, res.body.error?.name]).toEqual([
          path,
          400,
          'InputError',
        ]);
      }
      const missing = await backend.call('get', '/local-ci/runs/99999', SOFIA);
      expect(missing.status).toBe(404);
      const anonymous = await request(backend.server)
        .get(`${API}/local-ci/runs?repository=svc.git`)
        .set({ Authorization: mockCredentials.none.header() });
      expect(anonymous.status).toBe(401);
    });
  });
});
