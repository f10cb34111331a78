import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  ADMIN,
  adminPolicy,
  ANNA,
  as,
  BEN,
  CARA,
  catalogUser,
  startSkillExchangeBackend,
} from './__testUtils__';

const person = (name: string, group: string, title: string) =>
  catalogUser(name, {
    group,
    title,
    displayName: name.toUpperCase(),
    email: `${name}@example.com`,
    startDate: '2026-11-02',
  });

const databases = TestDatabases.create();

const embed = {
  kind: 'embed',
  title: 'Two weeks with Playback',
  description: 'Seek faster.',
  skills: ['java', 'k8s'],
  team: 'group:default/backend',
  level: 3,
  start: '2027-Q1',
  durationWeeks: 2,
  location: 'remote',
};

describe.each(databases.eachSupportedId())(
  'skill exchange API on %s',
  databaseId => {
    let server: any;
    let sent: Array<{ recipients: any; payload: any }> = [];

    beforeAll(async () => {
      const backend = await startSkillExchangeBackend({
        databases,
        databaseId,
        policy: adminPolicy({ ownersOnly: true }),
        entities: [
          person('anna', 'backend', 'Backend Engineer'),
          person('ben', 'client', 'Android Engineer'),
          person('cara', 'backend', 'Staff Engineer'),
          person('admin', 'backend', 'Admin'),
        ],
      });
      server = backend.server;
      sent = backend.sent;
    });

    beforeEach(() => {
      sent.length = 0;
    });

    const create = async (body: object, owner = ANNA) =>
      (
        await request(server)
          .post('/api/skill-exchange/posts')
          .set('authorization', as(owner))
          .send(body)
          .expect(201)
      ).body;

    it('needs a signed-in user', async () => {
      await request(server).get('/api/skill-exchange/posts').expect(401);
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
      const fetched = await request(server)
        .get(`/api/skill-exchange/posts/${post.id}`)
        .set('authorization', as(BEN))
        .expect(200);
      expect(fetched.body.title).toBe('Two weeks with Playback');
    });

    it('rejects bad input with a 400 and stores nothing', async () => {
      const before = (
        await request(server)
          .get('/api/skill-exchange/posts')
          .set('authorization', as(ANNA))
          .expect(200)
      ).body.totalItems;
      for (const body of [
        { ...embed, title: 'x' },
        { ...embed, skills: ['no-such-skill'] },
        { ...embed, owner: BEN },
        { ...embed, kind: 'party' },
        { ...embed, durationWeeks: 'two' },
        { ...embed, description: 'x'.repeat(20_001) },
        { kind: 'hack', title: 'Hack at a missing event', eventId: 999 },
      ]) {
        const res = await request(server)
          .post('/api/skill-exchange/posts')
          .set('authorization', as(ANNA))
          .send(body);
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
      }
      const oversized = await request(server)
        .post('/api/skill-exchange/posts')
        .set('authorization', as(ANNA))
        .send({ ...embed, description: 'x'.repeat(70_000) });
      expect(oversized.status).toBe(413);
      const after = (
        await request(server)
          .get('/api/skill-exchange/posts')
          .set('authorization', as(ANNA))
          .expect(200)
      ).body.totalItems;
      expect(after).toBe(before);
      const unknown = await request(server)
        .post('/api/skill-exchange/posts')
        .set('authorization', as(ANNA))
        .send({ ...embed, skills: ['Cobol++'] });
      expect(unknown.body.error.message).toContain('Unknown skill: Cobol++');
    });

    it('gives 404 for unknown ids and 400 for malformed ones', async () => {
      await request(server)
        .get('/api/skill-exchange/posts/999999')
        .set('authorization', as(ANNA))
        .expect(404);
      await request(server)
        .get('/api/skill-exchange/posts/abc')
        .set('authorization', as(ANNA))
        .expect(400);
    });

    it('lets only the owner edit, 409s a stale version, and lets an admin moderate', async () => {
      const post = await create(embed);
      const update = {
        ...embed,
        title: 'Three weeks with Playback',
        durationWeeks: 3,
        version: 1,
      };
      const denied = await request(server)
        .put(`/api/skill-exchange/posts/${post.id}`)
        .set('authorization', as(BEN))
        .send(update);
      expect(denied.status).toBe(403);
      const ok = await request(server)
        .put(`/api/skill-exchange/posts/${post.id}`)
        .set('authorization', as(ANNA))
        .send(update)
        .expect(200);
      expect(ok.body).toMatchObject({
        title: 'Three weeks with Playback',
        version: 2,
      });
      const stale = await request(server)
        .put(`/api/skill-exchange/posts/${post.id}`)
        .set('authorization', as(ANNA))
        .send({ ...update, title: 'Lost update' });
      expect(stale.status).toBe(409);
      // The largest version a column holds: a conflict, not an overflow (500 on PostgreSQL).
      await request(server)
        .put(`/api/skill-exchange/posts/${post.id}`)
        .set('authorization', as(ANNA))
        .send({ ...update, version: 2147483647 })
        .expect(409);
      const unchanged = await request(server)
        .get(`/api/skill-exchange/posts/${post.id}`)
        .set('authorization', as(ANNA));
      expect(unchanged.body.title).toBe('Three weeks with Playback');

      await request(server)
        .delete(`/api/skill-exchange/posts/${post.id}`)
        .set('authorization', as(BEN))
        .expect(403);
      await request(server)
        .post(`/api/skill-exchange/posts/${post.id}/status`)
        .set('authorization', as(ADMIN))
        .send({ status: 'closed', version: 2 })
        .expect(200);
      await request(server)
        .delete(`/api/skill-exchange/posts/${post.id}`)
        .set('authorization', as(ADMIN))
        .expect(204);
      await request(server)
        .get(`/api/skill-exchange/posts/${post.id}`)
        .set('authorization', as(ANNA))
        .expect(404);
    });

    it('runs the interest flow: express, accept, notify; one per person', async () => {
      const post = await create({ ...embed, title: 'Interest flow' });
      const interest = await request(server)
        .post(`/api/skill-exchange/posts/${post.id}/interests`)
        .set('authorization', as(BEN))
        .send({ message: 'I would love to!' })
        .expect(201);
      expect(sent[0]).toMatchObject({
        recipients: { type: 'entity', entityRef: ANNA },
        payload: {
          topic: 'skill-exchange:interest-received',
          link: `/skill-exchange/posts/${post.id}`,
        },
      });
      // A repeat is answered with the interest there is, and notifies nobody.
      const repeat = await request(server)
        .post(`/api/skill-exchange/posts/${post.id}/interests`)
        .set('authorization', as(BEN))
        .send({ message: 'again' })
        .expect(200);
      expect(repeat.body).toEqual(interest.body);
      expect(sent).toHaveLength(1);
      await request(server)
        .post(`/api/skill-exchange/posts/${post.id}/interests`)
        .set('authorization', as(ANNA))
        .send({})
        .expect(400);

      // Only the owner sees and answers interest.
      await request(server)
        .get(`/api/skill-exchange/posts/${post.id}/interests`)
        .set('authorization', as(CARA))
        .expect(403);
      await request(server)
        .post(`/api/skill-exchange/interests/${interest.body.id}/accept`)
        .set('authorization', as(CARA))
        .expect(403);
      const list = await request(server)
        .get(`/api/skill-exchange/posts/${post.id}/interests`)
        .set('authorization', as(ANNA))
        .expect(200);
      expect(list.body).toEqual([
        expect.objectContaining({
          user: BEN,
          message: 'I would love to!',
          status: 'pending',
        }),
      ]);

      const accepted = await request(server)
        .post(`/api/skill-exchange/interests/${interest.body.id}/accept`)
        .set('authorization', as(ANNA))
        .expect(200);
      expect(accepted.body.status).toBe('accepted');
      expect(sent[sent.length - 1]).toMatchObject({
        recipients: { entityRef: BEN },
        payload: { topic: 'skill-exchange:interest-accepted' },
      });
      // Answering twice is a conflict, not a silent overwrite.
      await request(server)
        .post(`/api/skill-exchange/interests/${interest.body.id}/decline`)
        .set('authorization', as(ANNA))
        .expect(409);

      // The person sees their own interest on the post.
      const seen = await request(server)
        .get(`/api/skill-exchange/posts/${post.id}`)
        .set('authorization', as(BEN));
      expect(seen.body.myInterest.status).toBe('accepted');
      await request(server)
        .post(`/api/skill-exchange/interests/${interest.body.id}/withdraw`)
        .set('authorization', as(CARA))
        .expect(403);
      await request(server)
        .post(`/api/skill-exchange/interests/${interest.body.id}/withdraw`)
        .set('authorization', as(BEN))
        .expect(200);
      // A withdrawn interest can be expressed again: it is pending anew.
      const renewed = await request(server)
        .post(`/api/skill-exchange/posts/${post.id}/interests`)
        .set('authorization', as(BEN))
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
          request(server)
            .post(`/api/skill-exchange/posts/${post.id}/interests`)
            .set('authorization', as(BEN))
            .send({}),
        ),
      );
      expect(results.filter(r => r.status === 201)).toHaveLength(1);
      expect(results.filter(r => r.status === 200)).toHaveLength(4);
      const fetched = await request(server)
        .get(`/api/skill-exchange/posts/${post.id}`)
        .set('authorization', as(ANNA));
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
      const adoptable = await request(server)
        .get('/api/skill-exchange/posts?adoptable=true')
        .set('authorization', as(ANNA));
      expect(adoptable.body.items.map((p: any) => p.id)).toContain(hack.id);

      const joined = await request(server)
        .post(`/api/skill-exchange/posts/${hack.id}/members`)
        .set('authorization', as(BEN))
        .expect(201);
      expect(joined.body.members).toEqual([BEN]);
      expect(sent[0]).toMatchObject({
        recipients: { entityRef: CARA },
        payload: { topic: 'skill-exchange:hack-member' },
      });
      await request(server)
        .post(`/api/skill-exchange/posts/${hack.id}/members`)
        .set('authorization', as(BEN))
        .expect(200);

      const notAdoptable = await request(server)
        .get('/api/skill-exchange/posts?adoptable=true')
        .set('authorization', as(ANNA));
      expect(notAdoptable.body.items.map((p: any) => p.id)).not.toContain(
        hack.id,
      );

      await request(server)
        .put(`/api/skill-exchange/posts/${hack.id}/follow`)
        .set('authorization', as(ANNA))
        .expect(201);
      await request(server)
        .put(`/api/skill-exchange/posts/${hack.id}/save`)
        .set('authorization', as(ANNA))
        .expect(201);
      const following = await request(server)
        .get('/api/skill-exchange/posts?following=me&saved=me')
        .set('authorization', as(ANNA));
      expect(following.body.items).toEqual([
        expect.objectContaining({
          id: hack.id,
          following: true,
          saved: true,
          followerCount: 1,
        }),
      ]);
      const mine = await request(server)
        .get('/api/skill-exchange/posts?member=me')
        .set('authorization', as(BEN));
      expect(mine.body.items.map((p: any) => p.id)).toEqual([hack.id]);

      await request(server)
        .delete(`/api/skill-exchange/posts/${hack.id}/members/me`)
        .set('authorization', as(BEN))
        .expect(200);
      const left = await request(server)
        .get(`/api/skill-exchange/posts/${hack.id}`)
        .set('authorization', as(ANNA));
      expect(left.body.members).toEqual([]);

      const embedPost = await create({ ...embed, title: 'Not a hack' });
      await request(server)
        .post(`/api/skill-exchange/posts/${embedPost.id}/members`)
        .set('authorization', as(BEN))
        .expect(400);
    });

    it('filters, sorts and paginates in SQL with totals', async () => {
      const event = await request(server)
        .post('/api/skill-exchange/events')
        .set('authorization', as(CARA))
        .send({
          name: 'Filter Fest',
          startsOn: '2026-10-01',
          endsOn: '2026-10-02',
        })
        .expect(201);
      await request(server)
        .post('/api/skill-exchange/events')
        .set('authorization', as(CARA))
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

      const page1 = await request(server)
        .get(
          '/api/skill-exchange/posts?kind=mentorship&q=filter%20mentorship&limit=3&sort=title',
        )
        .set('authorization', as(ANNA))
        .expect(200);
      expect(page1.body.totalItems).toBe(7);
      expect(page1.body.items.map((p: any) => p.title)).toEqual([
        'Filter mentorship 0',
        'Filter mentorship 1',
        'Filter mentorship 2',
      ]);
      const page3 = await request(server)
        .get(
          '/api/skill-exchange/posts?kind=mentorship&q=FILTER&limit=3&offset=6&sort=title',
        )
        .set('authorization', as(ANNA));
      expect(page3.body.items.map((p: any) => p.title)).toEqual([
        'Filter mentorship 6',
      ]);

      const all = await request(server)
        .get(
          '/api/skill-exchange/posts?q=filter%20mentorship&skills=go,rust&skillsMatch=all',
        )
        .set('authorization', as(ANNA));
      expect(all.body.totalItems).toBe(3);
      const seeking = await request(server)
        .get('/api/skill-exchange/posts?q=filter%20mentorship&mode=seeking')
        .set('authorization', as(ANNA));
      expect(seeking.body.totalItems).toBe(4);
      const past = await request(server)
        .get(`/api/skill-exchange/posts?past=true&eventId=${event.body.id}`)
        .set('authorization', as(ANNA));
      expect(past.body.items.map((p: any) => p.title)).toEqual([
        'Filter past hack',
      ]);
      const wildcard = await request(server)
        .get('/api/skill-exchange/posts?q=%25')
        .set('authorization', as(ANNA));
      expect(wildcard.body.totalItems).toBe(0);

      await request(server)
        .get('/api/skill-exchange/posts?limit=500')
        .set('authorization', as(ANNA))
        .expect(400);
      await request(server)
        .get('/api/skill-exchange/posts?sort=random')
        .set('authorization', as(ANNA))
        .expect(400);
      await request(server)
        .get('/api/skill-exchange/posts?skills=nonsense')
        .set('authorization', as(ANNA))
        .expect(400);
    });

    it('keeps profiles per user, with catalog facts, levels and versions', async () => {
      const empty = await request(server)
        .get('/api/skill-exchange/profiles/me')
        .set('authorization', as(ANNA))
        .expect(200);
      expect(empty.body).toMatchObject({
        user: ANNA,
        displayName: 'ANNA',
        title: 'Backend Engineer',
        email: 'anna@example.com',
        teams: ['group:default/backend'],
        startDate: '2026-11-02',
        version: 0,
        skills: [],
      });
      const saved = await request(server)
        .put('/api/skill-exchange/profiles/me')
        .set('authorization', as(ANNA))
        .send({
          bio: 'Backend person',
          openToMentoring: true,
          skills: [
            { skill: 'golang', level: 4, canHelp: true },
            { skill: 'PostgreSQL', level: 3 },
          ],
          learning: ['rust', 'Go'],
          version: 0,
        })
        .expect(200);
      expect(saved.body).toMatchObject({
        version: 1,
        skills: [
          { skill: 'Go', level: 4, canHelp: true, category: 'language' },
          {
            skill: 'PostgreSQL',
            level: 3,
            canHelp: false,
            category: 'infrastructure',
          },
        ],
        learning: ['Go', 'Rust'],
      });
      await request(server)
        .put('/api/skill-exchange/profiles/me')
        .set('authorization', as(ANNA))
        .send({ bio: 'stale', version: 0 })
        .expect(409);
      await request(server)
        .put('/api/skill-exchange/profiles/me')
        .set('authorization', as(ANNA))
        .send({ skills: [{ skill: 'Go', level: 9 }] })
        .expect(400);
      const seenByBen = await request(server)
        .get(`/api/skill-exchange/profiles/${encodeURIComponent(ANNA)}`)
        .set('authorization', as(BEN))
        .expect(200);
      expect(seenByBen.body.bio).toBe('Backend person');
      await request(server)
        .get('/api/skill-exchange/profiles/user%3Adefault%2Fnobody')
        .set('authorization', as(BEN))
        .expect(404);
      await request(server)
        .get('/api/skill-exchange/profiles/not-a-ref')
        .set('authorization', as(BEN))
        .expect(400);
    });

    it('finds experts who have all the skills at the level, best first', async () => {
      await request(server)
        .put('/api/skill-exchange/profiles/me')
        .set('authorization', as(CARA))
        .send({
          skills: [
            { skill: 'Go', level: 5, canHelp: true },
            { skill: 'PostgreSQL', level: 5 },
          ],
        })
        .expect(200);
      await request(server)
        .put('/api/skill-exchange/profiles/me')
        .set('authorization', as(BEN))
        .send({ skills: [{ skill: 'Go', level: 2 }] })
        .expect(200);
      const experts = await request(server)
        .get('/api/skill-exchange/experts?skills=go,postgres&minLevel=3')
        .set('authorization', as(BEN))
        .expect(200);
      expect(experts.body.totalItems).toBe(2);
      expect(experts.body.items.map((e: any) => e.user)).toEqual([CARA, ANNA]);
      expect(experts.body.items[0]).toMatchObject({
        team: 'group:default/backend',
        score: 10,
        skills: [
          { skill: 'Go', level: 5, canHelp: true },
          { skill: 'PostgreSQL', level: 5, canHelp: false },
        ],
      });
      const helpers = await request(server)
        .get(
          '/api/skill-exchange/experts?skills=go&canHelp=true&team=group:default/backend',
        )
        .set('authorization', as(BEN));
      expect(helpers.body.items.map((e: any) => e.user)).toEqual([CARA, ANNA]);
      await request(server)
        .get('/api/skill-exchange/experts')
        .set('authorization', as(BEN))
        .expect(400);
    });

    it('lets only taxonomy managers add skills, and finds them by alias', async () => {
      const skill = {
        name: 'Backstage Plugins',
        category: 'framework',
        aliases: ['bs-plugins'],
      };
      await request(server)
        .post('/api/skill-exchange/skills')
        .set('authorization', as(ANNA))
        .send(skill)
        .expect(403);
      await request(server)
        .post('/api/skill-exchange/skills')
        .set('authorization', as(ADMIN))
        .send(skill)
        .expect(201);
      await request(server)
        .post('/api/skill-exchange/skills')
        .set('authorization', as(ADMIN))
        .send(skill)
        .expect(409);
      const found = await request(server)
        .get('/api/skill-exchange/skills?q=bs-plug')
        .set('authorization', as(ANNA));
      expect(found.body.map((s: any) => s.name)).toEqual(['Backstage Plugins']);
    });
  },
);
