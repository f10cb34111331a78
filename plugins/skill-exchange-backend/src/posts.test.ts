import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  ADMIN,
  ANNA,
  BEN,
  CARA,
  embedInput,
  ownersOnlyOrg,
  useSkillExchangeBackend,
} from './__testUtils__';

const databases = TestDatabases.create();

const embed = embedInput({
  title: 'Two weeks with Playback',
  description: 'Seek faster.',
  skills: ['java', 'k8s'],
});

describe.each(databases.eachSupportedId())(
  'skill exchange posts API on %s',
  databaseId => {
    const sx = useSkillExchangeBackend(databases, databaseId, ownersOnlyOrg());

    beforeEach(() => {
      sx.sent.length = 0;
    });

    const create = async (body: object, owner = ANNA) =>
      (await sx.call('post', '/posts', owner).send(body).expect(201)).body;

    it('needs a signed-in user', async () => {
      await request(sx.server).get('/api/skill-exchange/posts').expect(401);
    });

    it('creates a post, resolving skills through aliases and case', async () => {
      const post = await create(embed);
      expect(post).toMatchObject({
        kind: 'embed',
        owner: ANNA,
        status: 'open',
        version: 1,
        skills: ['Java', 'Kubernetes'],
        team: 'group:default/backend',
        headcount: 1,
      });
      const fetched = await sx
        .call('get', `/posts/${post.id}`, BEN)
        .expect(200);
      expect(fetched.body.title).toBe('Two weeks with Playback');
    });

    it('rejects bad input with a 400 and stores nothing', async () => {
      const before = (await sx.call('get', '/posts', ANNA).expect(200)).body
        .totalItems;
      for (const body of [
        { ...embed, title: 'x' },
        { ...embed, skills: ['no-such-skill'] },
        { ...embed, owner: BEN },
        { ...embed, kind: 'party' },
        { ...embed, durationWeeks: 'two' },
        { ...embed, description: 'x'.repeat(20_001) },
        { kind: 'hack', title: 'Hack at a missing event', eventId: 999 },
      ]) {
        const res = await sx.call('post', '/posts', ANNA).send(body);
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
      }
      const oversized = await sx
        .call('post', '/posts', ANNA)
        .send({ ...embed, description: 'x'.repeat(70_000) });
      expect(oversized.status).toBe(413);
      const after = (await sx.call('get', '/posts', ANNA).expect(200)).body
        .totalItems;
      expect(after).toBe(before);
      const unknown = await sx
        .call('post', '/posts', ANNA)
        .send({ ...embed, skills: ['Cobol++'] });
      expect(unknown.body.error.message).toContain('Unknown skill: Cobol++');
    });

    it('gives 404 for unknown ids and 400 for malformed ones', async () => {
      await sx.call('get', '/posts/999999', ANNA).expect(404);
      await sx.call('get', '/posts/abc', ANNA).expect(400);
    });

    it('lets only the owner edit, 409s a stale version, and lets an admin moderate', async () => {
      const post = await create(embed);
      const update = {
        ...embed,
        title: 'Three weeks with Playback',
        durationWeeks: 3,
        version: 1,
      };
      const denied = await sx
        .call('put', `/posts/${post.id}`, BEN)
        .send(update);
      expect(denied.status).toBe(403);
      const ok = await sx
        .call('put', `/posts/${post.id}`, ANNA)
        .send(update)
        .expect(200);
      expect(ok.body).toMatchObject({
        title: 'Three weeks with Playback',
        version: 2,
      });
      const stale = await sx
        .call('put', `/posts/${post.id}`, ANNA)
        .send({ ...update, title: 'Lost update' });
      expect(stale.status).toBe(409);
      // The largest version a column holds: a conflict, not an overflow (500 on PostgreSQL).
      await sx
        .call('put', `/posts/${post.id}`, ANNA)
        .send({ ...update, version: 2147483647 })
        .expect(409);
      const unchanged = await sx.call('get', `/posts/${post.id}`, ANNA);
      expect(unchanged.body.title).toBe('Three weeks with Playback');

      await sx.call('delete', `/posts/${post.id}`, BEN).expect(403);
      await sx
        .call('post', `/posts/${post.id}/status`, ADMIN)
        .send({ status: 'closed', version: 2 })
        .expect(200);
      await sx.call('delete', `/posts/${post.id}`, ADMIN).expect(204);
      await sx.call('get', `/posts/${post.id}`, ANNA).expect(404);
    });

    it('runs the interest flow: express, accept, notify; one per person', async () => {
      const post = await create({ ...embed, title: 'Interest flow' });
      const interest = await sx
        .call('post', `/posts/${post.id}/interests`, BEN)
        .send({ message: 'I would love to!' })
        .expect(201);
      expect(sx.sent[0]).toMatchObject({
        recipients: { type: 'entity', entityRef: ANNA },
        payload: {
          topic: 'skill-exchange:interest-received',
          link: `/skill-exchange/posts/${post.id}`,
        },
      });
      // A repeat is answered with the interest there is, and notifies nobody.
      const repeat = await sx
        .call('post', `/posts/${post.id}/interests`, BEN)
        .send({ message: 'again' })
        .expect(200);
      expect(repeat.body).toEqual(interest.body);
      expect(sx.sent).toHaveLength(1);
      await sx
        .call('post', `/posts/${post.id}/interests`, ANNA)
        .send({})
        .expect(400);

      // Only the owner sees and answers interest.
      await sx.call('get', `/posts/${post.id}/interests`, CARA).expect(403);
      await sx
        .call('post', `/interests/${interest.body.id}/accept`, CARA)
        .expect(403);
      const list = await sx
        .call('get', `/posts/${post.id}/interests`, ANNA)
        .expect(200);
      expect(list.body).toEqual([
        expect.objectContaining({
          user: BEN,
          message: 'I would love to!',
          status: 'pending',
        }),
      ]);

      const accepted = await sx
        .call('post', `/interests/${interest.body.id}/accept`, ANNA)
        .expect(200);
      expect(accepted.body.status).toBe('accepted');
      expect(sx.sent[sx.sent.length - 1]).toMatchObject({
        recipients: { entityRef: BEN },
        payload: { topic: 'skill-exchange:interest-accepted' },
      });
      // Answering twice is a conflict, not a silent overwrite.
      await sx
        .call('post', `/interests/${interest.body.id}/decline`, ANNA)
        .expect(409);

      // The person sees their own interest on the post.
      const seen = await sx.call('get', `/posts/${post.id}`, BEN);
      expect(seen.body.myInterest.status).toBe('accepted');
      await sx
        .call('post', `/interests/${interest.body.id}/withdraw`, CARA)
        .expect(403);
      await sx
        .call('post', `/interests/${interest.body.id}/withdraw`, BEN)
        .expect(200);
      // A withdrawn interest can be expressed again: it is pending anew.
      const renewed = await sx
        .call('post', `/posts/${post.id}/interests`, BEN)
        .send({ message: 'back again' })
        .expect(201);
      expect(renewed.body).toMatchObject({
        id: interest.body.id,
        status: 'pending',
        message: 'back again',
      });
    });

    it('does not double-count concurrent interest from one person', async () => {
      const post = await create({ ...embed, title: 'Race' });
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          sx.call('post', `/posts/${post.id}/interests`, BEN).send({}),
        ),
      );
      expect(results.filter(r => r.status === 201)).toHaveLength(1);
      expect(results.filter(r => r.status === 200)).toHaveLength(4);
      const fetched = await sx.call('get', `/posts/${post.id}`, ANNA);
      expect(fetched.body.interestCount).toBe(1);
    });

    it('joins, follows and saves hacks; adoptable ideas have no members', async () => {
      const hack = await create(
        {
          kind: 'hack',
          title: 'Idea: a better coffee bot',
          skills: ['python'],
        },
        CARA,
      );
      const adoptable = await sx.call('get', '/posts?adoptable=true', ANNA);
      expect(adoptable.body.items.map((p: any) => p.id)).toContain(hack.id);

      const joined = await sx
        .call('post', `/posts/${hack.id}/members`, BEN)
        .expect(201);
      expect(joined.body.members).toEqual([BEN]);
      expect(sx.sent[0]).toMatchObject({
        recipients: { entityRef: CARA },
        payload: { topic: 'skill-exchange:hack-member' },
      });
      await sx.call('post', `/posts/${hack.id}/members`, BEN).expect(200);

      const notAdoptable = await sx.call('get', '/posts?adoptable=true', ANNA);
      expect(notAdoptable.body.items.map((p: any) => p.id)).not.toContain(
        hack.id,
      );

      await sx.call('put', `/posts/${hack.id}/follow`, ANNA).expect(201);
      await sx.call('put', `/posts/${hack.id}/save`, ANNA).expect(201);
      const following = await sx.call(
        'get',
        '/posts?following=me&saved=me',
        ANNA,
      );
      expect(following.body.items).toEqual([
        expect.objectContaining({
          id: hack.id,
          following: true,
          saved: true,
          followerCount: 1,
        }),
      ]);
      const mine = await sx.call('get', '/posts?member=me', BEN);
      expect(mine.body.items.map((p: any) => p.id)).toEqual([hack.id]);

      await sx.call('delete', `/posts/${hack.id}/members/me`, BEN).expect(200);
      const left = await sx.call('get', `/posts/${hack.id}`, ANNA);
      expect(left.body.members).toEqual([]);

      const embedPost = await create({ ...embed, title: 'Not a hack' });
      await sx.call('post', `/posts/${embedPost.id}/members`, BEN).expect(400);
    });

    it('filters, sorts and paginates in SQL with totals', async () => {
      const event = await sx
        .call('post', '/events', CARA)
        .send({
          name: 'Filter Fest',
          startsOn: '2099-10-01',
          endsOn: '2099-10-02',
        })
        .expect(201);
      await sx
        .call('post', '/events', CARA)
        .send({
          name: 'Backwards',
          startsOn: '2026-10-02',
          endsOn: '2026-10-01',
        })
        .expect(400);
      for (let i = 0; i < 7; i++) {
        await create(
          {
            kind: 'mentorship',
            title: `Filter mentorship ${i}`,
            mode: i % 2 ? 'offering' : 'seeking',
            skills: i % 3 ? ['go'] : ['go', 'rust'],
          },
          BEN,
        );
      }
      await create(
        { kind: 'hack', title: 'Filter past hack', eventId: event.body.id },
        BEN,
      );
      // The hack joined while registration was open; the event is over now.
      await sx
        .call('put', `/events/${event.body.id}`, CARA)
        .send({
          name: 'Filter Fest',
          startsOn: '2026-10-01',
          endsOn: '2026-10-02',
          version: 1,
        })
        .expect(200);

      const page1 = await sx
        .call(
          'get',
          '/posts?kind=mentorship&q=filter%20mentorship&limit=3&sort=title',
          ANNA,
        )
        .expect(200);
      expect(page1.body.totalItems).toBe(7);
      expect(page1.body.items.map((p: any) => p.title)).toEqual([
        'Filter mentorship 0',
        'Filter mentorship 1',
        'Filter mentorship 2',
      ]);
      const page3 = await sx.call(
        'get',
        '/posts?kind=mentorship&q=FILTER&limit=3&offset=6&sort=title',
        ANNA,
      );
      expect(page3.body.items.map((p: any) => p.title)).toEqual([
        'Filter mentorship 6',
      ]);

      const total = async (query: string) =>
        (await sx.call('get', `/posts?${query}`, ANNA)).body.totalItems;
      expect(
        await total('q=filter%20mentorship&skills=go,rust&skillsMatch=all'),
      ).toBe(3);
      // Any of the skills: each post once, though three have both.
      expect(await total('q=filter%20mentorship&skills=go,rust')).toBe(7);
      expect(await total('q=filter%20mentorship&mode=seeking')).toBe(4);
      const rust = await sx.call(
        'get',
        '/posts?q=filter%20mentorship&skills=rust&sort=title',
        ANNA,
      );
      expect(rust.body.items.map((p: any) => p.title)).toEqual([
        'Filter mentorship 0',
        'Filter mentorship 3',
        'Filter mentorship 6',
      ]);
      const past = await sx.call(
        'get',
        `/posts?past=true&eventId=${event.body.id}`,
        ANNA,
      );
      expect(past.body.items.map((p: any) => p.title)).toEqual([
        'Filter past hack',
      ]);
      const wildcard = await sx.call('get', '/posts?q=%25', ANNA);
      expect(wildcard.body.totalItems).toBe(0);

      await sx.call('get', '/posts?limit=500', ANNA).expect(400);
      await sx.call('get', '/posts?sort=random', ANNA).expect(400);
      await sx.call('get', '/posts?skills=nonsense', ANNA).expect(400);
    });
  },
);
