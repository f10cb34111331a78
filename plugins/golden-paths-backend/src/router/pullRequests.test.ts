import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import {
  API,
  asService,
  asUser,
  LARS,
  SOFIA,
  startGoldenPathsBackend,
} from '../__testUtils__/backend';
import { KnexMergedPullRequestStore } from '../database/MergedPullRequestStore';

jest.setTimeout(60_000);

const DAY = 86_400_000;
const T0 = Date.parse('2026-12-01T10:00:00Z');

describe('GET /pull-requests', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let backend: Awaited<ReturnType<typeof startGoldenPathsBackend>>;
    const get = (query: string, headers: Record<string, string>) =>
      request(backend.server).get(`${API}/pull-requests${query}`).set(headers);

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      backend = await startGoldenPathsBackend({ knex });
      await knex('gp_merged_prs').delete();
      await KnexMergedPullRequestStore.create(knex).insertMergedPullRequests([
        ...[0, 1, 2].map(i => ({
          source: 'local-git',
          prId: `svc@${i}`,
          repository: i < 2 ? 'svc' : 'web',
          userEntityRef: SOFIA,
          mergedAt: T0 + i * DAY,
        })),
        {
          source: 'local-git',
          prId: 'svc@9',
          repository: 'svc',
          userEntityRef: LARS,
          mergedAt: T0,
        },
      ]);
    });

    it('gives a service one person’s merged pull requests, newest first, paged', async () => {
      const res = await get(`?user=${SOFIA}&limit=2`, asService);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        items: [
          {
            source: 'local-git',
            id: 'svc@2',
            repository: 'web',
            mergedAt: new Date(T0 + 2 * DAY).toISOString(),
          },
          {
            source: 'local-git',
            id: 'svc@1',
            repository: 'svc',
            mergedAt: new Date(T0 + DAY).toISOString(),
          },
        ],
        totalItems: 3,
        limit: 2,
        offset: 0,
      });
      const next = await get(`?user=${SOFIA}&limit=2&offset=2`, asService);
      expect(next.body.items.map((p: any) => p.id)).toEqual(['svc@0']);
    });

    it('filters by since (a date or a time)', async () => {
      const byDate = await get(`?user=${SOFIA}&since=2026-12-02`, asService);
      expect(byDate.body.items.map((p: any) => p.id)).toEqual([
        'svc@2',
        'svc@1',
      ]);
      const byTime = await get(
        `?user=${SOFIA}&since=2026-12-03T10:00:00Z`,
        asService,
      );
      expect(byTime.body.totalItems).toBe(1);
    });

    it('lets the person read their own (any case) and no other person', async () => {
      const own = await get(`?user=${SOFIA.toUpperCase()}`, asUser(SOFIA));
      expect(own.status).toBe(200);
      expect(own.body.totalItems).toBe(3);
      const other = await get(`?user=${SOFIA}`, asUser(LARS));
      expect(other.status).toBe(403);
      expect(other.body.error.message).toMatch(/your own pull requests/);
    });

    it('answers bad input with a 400', async () => {
      for (const query of [
        '',
        '?user=group:default/team',
        `?user=${SOFIA}&since=yesterday`,
        `?user=${SOFIA}&limit=0`,
        `?user=${SOFIA}&extra=1`,
      ]) {
        const res = await get(query, asService);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
      }
    });
  });
});
