import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { ANNA, as, startSkillExchangeBackend } from './__testUtils__';

const users = Array.from({ length: 6 }, (_, i) => `user:default/person-${i}`);

const databases = TestDatabases.create();

/**
 * Two backend replicas on one database, as in a PostgreSQL deployment with
 * several backend processes: racing writes through both must neither lose an
 * update nor double-count.
 */
describe.each(databases.eachSupportedId())(
  'two backend replicas on one %s database',
  databaseId => {
    const servers: any[] = [];
    let db: any;
    const api = '/api/skill-exchange';

    beforeAll(async () => {
      db = await databases.init(databaseId);
      for (let i = 0; i < 2; i++) {
        servers.push((await startSkillExchangeBackend({ knex: db })).server);
      }
    });

    const replica = (i: number) => servers[i % 2];

    it('lets exactly one of two racing edits win; the other gets 409', async () => {
      const post = (
        await request(replica(0))
          .post(`${api}/posts`)
          .set('authorization', as(ANNA))
          .send({ kind: 'hack', title: 'Racing edits', skills: [] })
          .expect(201)
      ).body;
      const results = await Promise.all(
        [0, 1, 2, 3].map(i =>
          request(replica(i))
            .put(`${api}/posts/${post.id}`)
            .set('authorization', as(ANNA))
            .send({
              kind: 'hack',
              title: `Edit ${i}`,
              skills: [],
              stage: 'idea',
              version: post.version,
            }),
        ),
      );
      expect(results.map(r => r.status).sort()).toEqual([200, 409, 409, 409]);
      const winner = results.find(r => r.status === 200)!.body;
      const reread = await request(replica(1))
        .get(`${api}/posts/${post.id}`)
        .set('authorization', as(ANNA))
        .expect(200);
      expect(reread.body).toMatchObject({
        title: winner.title,
        version: post.version + 1,
      });
    });

    it('counts racing interest and joins once per person across replicas', async () => {
      const mentorship = (
        await request(replica(0))
          .post(`${api}/posts`)
          .set('authorization', as(ANNA))
          .send({
            kind: 'mentorship',
            title: 'Racing interest',
            skills: [],
            mode: 'offering',
            capacity: 3,
          })
          .expect(201)
      ).body;
      const interest = await Promise.all(
        [0, 1, 2, 3].map(i =>
          request(replica(i))
            .post(`${api}/posts/${mentorship.id}/interests`)
            .set('authorization', as(users[0]))
            .send({ message: `try ${i}` }),
        ),
      );
      // One creates the interest; the repeats get it back (200), not a 409.
      expect(interest.map(r => r.status).sort()).toEqual([200, 200, 200, 201]);

      const hack = (
        await request(replica(1))
          .post(`${api}/posts`)
          .set('authorization', as(ANNA))
          .send({ kind: 'hack', title: 'Racing joins', skills: [] })
          .expect(201)
      ).body;
      const joins = await Promise.all(
        users.flatMap((who, i) =>
          [0, 1].map(r =>
            request(replica(i + r))
              .post(`${api}/posts/${hack.id}/members`)
              .set('authorization', as(who)),
          ),
        ),
      );
      expect(joins.filter(r => r.status >= 500)).toEqual([]);
      const reread = await request(replica(0))
        .get(`${api}/posts/${hack.id}`)
        .set('authorization', as(ANNA))
        .expect(200);
      expect([...reread.body.members].sort()).toEqual([...users].sort());
      const counted = await request(replica(1))
        .get(`${api}/posts?kind=hack&adoptable=true`)
        .set('authorization', as(ANNA))
        .expect(200);
      // member_count is kept right: exactly one per member, so the hack is
      // not an adoptable idea.
      const row = await db('posts').where('id', hack.id).first();
      expect(Number(row.member_count)).toBe(users.length);
      expect(counted.body.items.map((p: any) => p.id)).not.toContain(hack.id);
      const fetched = await request(replica(0))
        .get(`${api}/posts/${mentorship.id}`)
        .set('authorization', as(ANNA))
        .expect(200);
      expect(fetched.body.interestCount).toBe(1);
    });
  },
);
