import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  AMARA,
  asUser as user,
  LARS,
  SOFIA,
  useGoldenPathsBackend,
} from '../__testUtils__/backend';

jest.setTimeout(60_000);

describe('golden-paths lists', () => {
  const databases = TestDatabases.create();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const backend = useGoldenPathsBackend(databases, databaseId);

    it('pages paths, my journeys and cohorts with a total count; bad paging is a 400', async () => {
      const paths = await backend.call('get', '/paths?limit=2&offset=1', SOFIA);
      expect(paths.status).toBe(200);
      expect({
        ...paths.body,
        items: paths.body.items.map((p: any) => p.id),
      }).toEqual({
        items: ['backend-day-1', 'client-day-1'],
        totalItems: 6,
        limit: 2,
        offset: 1,
      });
      const all = await backend.call('get', '/paths', SOFIA);
      expect([all.body.items.length, all.body.limit, all.body.offset]).toEqual([
        6, 100, 0,
      ]);
      const beyond = await backend.call('get', '/paths?offset=10', SOFIA);
      expect([beyond.body.items, beyond.body.totalItems]).toEqual([[], 6]);

      for (const pathId of [
        'backend-day-1',
        'client-day-1',
        'data-science-day-1',
      ]) {
        await backend.call('post', '/journeys', LARS).send({ pathId });
      }
      const first = await backend.call('get', '/journeys/me?limit=2', LARS);
      const second = await backend.call(
        'get',
        '/journeys/me?limit=2&offset=2',
        LARS,
      );
      expect([first.status, second.status]).toEqual([200, 200]);
      expect([first.body.items.length, second.body.items.length]).toEqual([
        2, 1,
      ]);
      expect([first.body.totalItems, second.body.totalItems]).toEqual([3, 3]);
      expect(
        [...first.body.items, ...second.body.items]
          .map((j: any) => j.pathId)
          .sort(),
      ).toEqual(['backend-day-1', 'client-day-1', 'data-science-day-1']);
      expect(
        [...first.body.items, ...second.body.items].every(
          (j: any) => j.userEntityRef === LARS && j.totalSteps > 0,
        ),
      ).toBe(true);
      const one = await backend.call(
        'get',
        '/journeys/me?pathId=client-day-1',
        LARS,
      );
      expect(one.body.items.map((j: any) => j.pathId)).toEqual([
        'client-day-1',
      ]);
      expect(one.body.totalItems).toBe(1);
      const unknownPath = await backend.call(
        'get',
        '/journeys/me?pathId=nope',
        LARS,
      );
      expect(unknownPath.status).toBe(404);

      for (const [id, startDate, members] of [
        ['bootcamp-2026-12', '2026-12-01', [LARS]],
        ['bootcamp-2026-11', '2026-11-02', [SOFIA, LARS]],
        ['bootcamp-2026-10', '2026-10-01', [LARS]],
      ] as const) {
        const created = await backend
          .call('post', '/cohorts', AMARA)
          .send({ id, title: id, startDate, owner: AMARA, members });
        expect(created.status).toBe(201);
      }
      const cohorts = await backend.call('get', '/cohorts?limit=2', AMARA);
      expect(cohorts.body.items.map((c: any) => c.id)).toEqual([
        'bootcamp-2026-12',
        'bootcamp-2026-11',
      ]);
      expect(cohorts.body).toMatchObject({
        totalItems: 3,
        limit: 2,
        offset: 0,
      });
      const last = await backend.call(
        'get',
        '/cohorts?limit=2&offset=2',
        AMARA,
      );
      expect(last.body.items).toEqual([
        expect.objectContaining({ id: 'bootcamp-2026-10', members: [LARS] }),
      ]);
      expect(cohorts.body.items[1].members).toEqual([LARS, SOFIA].sort());
      const deniedCohorts = await backend.call('get', '/cohorts', SOFIA);
      expect(deniedCohorts.status).toBe(403);

      const badQueries = [
        'limit=0',
        'limit=501',
        'limit=ten',
        'limit=1.5',
        'offset=-1',
        'limit=1&limit=2',
        'page=2',
      ];
      for (const [url, who] of [
        ['/api/golden-paths/paths', SOFIA],
        ['/api/golden-paths/journeys/me', LARS],
        ['/api/golden-paths/cohorts', AMARA],
      ]) {
        for (const query of [
          ...badQueries,
          ...(url.endsWith('/me') ? ['pathId=Not%20An%20Id'] : []),
        ]) {
          const res = await request(backend.server)
            .get(`${url}?${query}`)
            .set(user(who));
          expect({ url, query, status: res.status }).toEqual({
            url,
            query,
            status: 400,
          });
          expect(res.body.error.name).toBe('InputError');
        }
      }
    });
  });
});
