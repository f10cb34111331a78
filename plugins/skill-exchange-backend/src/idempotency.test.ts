import { TestDatabases } from '@backstage/backend-test-utils';
import {
  ANNA,
  SkillExchangeTestBackend,
  startSkillExchangeBackend,
} from './__testUtils__';

// 50 concurrent requests per test, on a busy machine: more than the 5 s default.
jest.setTimeout(60_000);

const databases = TestDatabases.create();
const people = Array.from({ length: 25 }, (_, i) => `user:default/person-${i}`);

/**
 * Issue 18: a repeat of join, follow, save or interest is answered 200 with
 * what exists; only the request that created the row gets 201. Every person
 * sends the same request twice at once, all people at once.
 */
describe.each(databases.eachSupportedId())(
  'idempotent repeats on %s',
  databaseId => {
    let backend: SkillExchangeTestBackend;

    beforeAll(async () => {
      backend = await startSkillExchangeBackend({ databases, databaseId });
    });

    const createPost = async (body: object) =>
      (await backend.call('post', '/posts', ANNA).send(body).expect(201)).body;

    /** Each person sends `path` twice concurrently; returns the statuses per person. */
    const twiceEach = async (method: 'post' | 'put', path: string) => {
      const responses = await Promise.all(
        people.flatMap(who =>
          [1, 2].map(() => backend.call(method, path, who).send({})),
        ),
      );
      return people.map((_, i) =>
        [responses[2 * i].status, responses[2 * i + 1].status].sort(),
      );
    };
    const onePerPerson = people.map(() => [200, 201]);

    it('joins a hack once per person: one 201, one 200', async () => {
      const hack = await createPost({
        kind: 'hack',
        title: 'Race',
        skills: [],
      });
      expect(await twiceEach('post', `/posts/${hack.id}/members`)).toEqual(
        onePerPerson,
      );
      const row = await backend.knex('posts').where('id', hack.id).first();
      expect(Number(row.member_count)).toBe(people.length);
      const after = await backend
        .call('post', `/posts/${hack.id}/members`, people[0])
        .expect(200);
      expect(after.body.members).toHaveLength(people.length);
      // The owner heard of each member once.
      const joined = backend.sent.filter(
        n => n.payload.topic === 'skill-exchange:hack-member',
      );
      expect(joined).toHaveLength(people.length);
    });

    it.each(['follow', 'save'])(
      '%ss a hack once per person: one 201, one 200',
      async relation => {
        const hack = await createPost({
          kind: 'hack',
          title: `Race to ${relation}`,
          skills: [],
        });
        expect(await twiceEach('put', `/posts/${hack.id}/${relation}`)).toEqual(
          onePerPerson,
        );
        const table = relation === 'follow' ? 'follows' : 'saves';
        const [{ count }] = await backend
          .knex(table)
          .where('post_id', hack.id)
          .count({ count: '*' });
        expect(Number(count)).toBe(people.length);
      },
    );

    it('records interest once per person: one 201, one 200', async () => {
      const mentorship = await createPost({
        kind: 'mentorship',
        title: 'Race to mentor',
        skills: [],
        mode: 'offering',
        capacity: 2,
      });
      expect(
        await twiceEach('post', `/posts/${mentorship.id}/interests`),
      ).toEqual(onePerPerson);
      const fetched = await backend
        .call('get', `/posts/${mentorship.id}`, ANNA)
        .expect(200);
      expect(fetched.body.interestCount).toBe(people.length);
    });

    it('refuses to renew a declined interest with a 409 that says so', async () => {
      const embed = await createPost({
        kind: 'mentorship',
        title: 'Declined',
        skills: [],
        mode: 'offering',
        capacity: 1,
      });
      const interest = (
        await backend
          .call('post', `/posts/${embed.id}/interests`, people[0])
          .send({})
          .expect(201)
      ).body;
      await backend
        .call('post', `/interests/${interest.id}/decline`, ANNA)
        .expect(200);
      const again = await backend
        .call('post', `/posts/${embed.id}/interests`, people[0])
        .send({})
        .expect(409);
      expect(again.body.error.message).toBe(
        `Your interest in post ${embed.id} was declined; it cannot be expressed again`,
      );
    });
  },
);
