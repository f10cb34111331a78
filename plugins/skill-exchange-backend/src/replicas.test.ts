import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  ANNA,
  as,
  embedInput,
  startSkillExchangeBackend,
} from './__testUtils__';

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
    const sent: Array<Array<{ recipients: any; payload: any }>> = [];
    let db: any;
    const api = '/api/skill-exchange';

    beforeAll(async () => {
      db = await databases.init(databaseId);
      for (let i = 0; i < 2; i++) {
        const backend = await startSkillExchangeBackend({ knex: db });
        servers.push(backend.server);
        sent.push(backend.sent);
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

    it('never accepts beyond the headcount: 50 racing accepts, 3 places', async () => {
      const people = Array.from(
        { length: 50 },
        (_, i) => `user:default/applicant-${i}`,
      );
      const embed = (
        await request(replica(0))
          .post(`${api}/posts`)
          .set('authorization', as(ANNA))
          .send(embedInput({ title: 'Three places', headcount: 3 }))
          .expect(201)
      ).body;
      const interests = await Promise.all(
        people.map((who, i) =>
          request(replica(i))
            .post(`${api}/posts/${embed.id}/interests`)
            .set('authorization', as(who))
            .send({})
            .expect(201),
        ),
      );
      for (const list of sent) list.length = 0;
      const answers = await Promise.all(
        interests.map((interest, i) =>
          request(replica(i))
            .post(`${api}/interests/${interest.body.id}/accept`)
            .set('authorization', as(ANNA))
            .send({}),
        ),
      );
      const codes = answers.map(r => r.status);
      expect(codes.filter(c => c === 200)).toHaveLength(3);
      expect(codes.filter(c => c === 409)).toHaveLength(47);
      const rows = await db('interests').where('post_id', embed.id);
      const accepted = rows.filter((r: any) => r.status === 'accepted');
      expect(accepted).toHaveLength(3);
      expect(rows.filter((r: any) => r.status === 'pending')).toHaveLength(47);
      const winners = answers
        .filter(r => r.status === 200)
        .map(r => r.body.user)
        .sort();
      expect(accepted.map((r: any) => r.user_ref).sort()).toEqual(winners);
      const post = await request(replica(1))
        .get(`${api}/posts/${embed.id}`)
        .set('authorization', as(ANNA))
        .expect(200);
      expect(post.body).toMatchObject({
        status: 'filled',
        acceptedCount: 3,
        version: embed.version + 1,
      });
      // The post filled once, and the 47 still waiting heard it once.
      const filled = sent
        .flat()
        .filter(n => n.payload.topic === 'skill-exchange:post-filled');
      expect(filled).toHaveLength(1);
      expect([...filled[0].recipients.entityRef].sort()).toEqual(
        people.filter(p => !winners.includes(p)).sort(),
      );
    });
  },
);
