import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  ANNA,
  API,
  as,
  BEN,
  CARA,
  catalogUser,
  DAN,
  useSkillExchangeBackend,
} from './__testUtils__';

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'matching and insights on %s',
  databaseId => {
    const sx = useSkillExchangeBackend(databases, databaseId, {
      entities: [
        catalogUser('anna'),
        catalogUser('ben', { group: 'client' }),
        catalogUser('cara'),
        catalogUser('dan', { group: 'data' }),
      ],
    });
    let embedId: number;

    beforeAll(async () => {
      const profile = (ref: string, body: object) =>
        sx.call('put', '/profiles/me', ref).send(body).expect(200);
      await profile(ANNA, {
        skills: [{ skill: 'go', level: 5, canHelp: true }],
      });
      await profile(BEN, {
        openToEmbeds: true,
        skills: [{ skill: 'golang', level: 4, canHelp: true }],
        learning: ['k8s'],
      });
      await profile(CARA, { skills: [{ skill: 'Go', level: 2 }] });
      await profile(DAN, { skills: [{ skill: 'Python', level: 5 }] });

      const post = async (owner: string, body: object) =>
        (await sx.call('post', '/posts', owner).send(body).expect(201)).body;
      embedId = (
        await post(ANNA, {
          kind: 'embed',
          title: 'Go services on Kubernetes',
          skills: ['Go', 'Kubernetes'],
          team: 'group:default/backend',
          level: 3,
          start: '2027-Q1',
          durationWeeks: 4,
          location: 'remote',
        })
      ).id;
      // Ben's own post and a closed post never appear among Ben's matches.
      await post(BEN, {
        kind: 'mentorship',
        title: 'Go mentoring',
        skills: ['go'],
        mode: 'offering',
        capacity: 2,
      });
      const closed = await post(CARA, {
        kind: 'hack',
        title: 'Kubernetes operator',
        skills: ['kubernetes'],
        stage: 'idea',
      });
      await sx
        .call('post', `/posts/${closed.id}/status`, CARA)
        .send({ status: 'closed', version: closed.version })
        .expect(200);
    });

    it('ranks people for a post with the reason, leaving the owner out', async () => {
      const res = await sx
        .call('get', `/posts/${embedId}/matches`, CARA)
        .expect(200);
      expect(res.body.totalItems).toBe(2);
      expect(res.body.items.map((m: any) => m.user)).toEqual([BEN, CARA]);
      const [ben, cara] = res.body.items;
      // Go 4 + learning Kubernetes 2 + open to embeds 2
      expect(ben.score).toBe(8);
      expect(ben.team).toBe('group:default/client');
      expect(ben.reason).toEqual({
        matchedSkills: [{ skill: 'Go', level: 4, canHelp: true }],
        learningGoals: ['Kubernetes'],
        available: true,
        summary: 'Go at Advanced; wants to grow Kubernetes; open to embeds',
      });
      expect(cara.score).toBe(2);
      expect(cara.reason.summary).toBe('Go at Learning');

      const second = await sx
        .call('get', `/posts/${embedId}/matches?limit=1&offset=1`, CARA)
        .expect(200);
      expect(second.body).toMatchObject({
        totalItems: 2,
        limit: 1,
        offset: 1,
        items: [{ user: CARA }],
      });
      // Past the last page the total is still counted.
      const past = await sx
        .call('get', `/posts/${embedId}/matches?limit=5&offset=5`, CARA)
        .expect(200);
      expect(past.body).toMatchObject({ totalItems: 2, items: [] });
    });

    it('ranks open posts for me with the reason, not mine and not closed', async () => {
      // A hack that is completed but was never closed is no opportunity.
      const done = (
        await sx
          .call('post', '/posts', CARA)
          .send({
            kind: 'hack',
            title: 'Finished Go linter',
            skills: ['go'],
            stage: 'completed',
          })
          .expect(201)
      ).body;
      const res = await sx.call('get', '/matches/me', BEN).expect(200);
      expect(res.body.totalItems).toBe(1);
      const [match] = res.body.items;
      expect(match.post).toMatchObject({ id: embedId, kind: 'embed' });
      // learning Kubernetes 3 + Go at 4
      expect(match.score).toBe(7);
      expect(match.reason.learningGoals).toEqual(['Kubernetes']);
      expect(match.reason.matchedSkills).toEqual([
        { skill: 'Go', level: 4, canHelp: true },
      ]);

      const hacks = await sx
        .call('get', '/matches/me?kind=hack', BEN)
        .expect(200);
      expect(hacks.body).toMatchObject({ items: [], totalItems: 0 });

      const nobody = await request(sx.server)
        .get(`${API}/matches/me`)
        .set('authorization', as('user:default/nobody'))
        .expect(200);
      expect(nobody.body.totalItems).toBe(0);
      await sx.call('delete', `/posts/${done.id}`, CARA).expect(204);
    });

    it('rejects bad matching input', async () => {
      for (const path of [
        '/matches/me?limit=0',
        '/matches/me?limit=101',
        '/matches/me?kind=party',
        '/matches/me?foo=1',
        '/posts/abc/matches',
        `/posts/${embedId}/matches?kind=embed`,
      ]) {
        await sx.call('get', `${path}`, BEN).expect(400);
      }
      await sx.call('get', '/posts/987654/matches', BEN).expect(404);
      await request(sx.server).get(`${API}/matches/me`).expect(401);
    });

    it('reports supply and demand, post counts, time to fill and active users', async () => {
      const embed = (
        await sx.call('get', `/posts/${embedId}`, ANNA).expect(200)
      ).body;
      const before = (await sx.call('get', '/insights', DAN).expect(200)).body;
      expect(before.skills.find((s: any) => s.skill === 'Go')).toEqual({
        skill: 'Go',
        category: 'language',
        supply: 2, // Anna 5, Ben 4; Cara 2 is below Practitioner
        helpers: 2,
        learners: 0,
        demand: 2, // the embed and Ben's mentorship
        gap: 0,
      });
      expect(before.skills.find((s: any) => s.skill === 'Kubernetes')).toEqual(
        expect.objectContaining({ supply: 0, learners: 1, demand: 1, gap: 1 }),
      );
      expect(before.posts).toEqual(
        expect.arrayContaining([
          { kind: 'embed', status: 'open', count: 1 },
          { kind: 'hack', status: 'closed', count: 1 },
        ]),
      );
      expect(before.timeToFill).toEqual([]);
      expect(before.monthlyActiveUsers).toBe(4);

      await sx
        .call('post', `/posts/${embedId}/status`, ANNA)
        .send({ status: 'filled', version: embed.version })
        .expect(200);
      const after = (await sx.call('get', '/insights?top=1', DAN).expect(200))
        .body;
      expect(after.skills).toHaveLength(1);
      expect(after.timeToFill).toEqual([
        { kind: 'embed', filled: 1, meanDays: 0 },
      ]);
      expect(after.posts).toEqual(
        expect.arrayContaining([{ kind: 'embed', status: 'filled', count: 1 }]),
      );

      await sx.call('get', '/insights?top=0', DAN).expect(400);
      await sx.call('get', '/insights?sort=x', DAN).expect(400);
    });

    it('exports the supply and demand table as CSV', async () => {
      const res = await sx.call('get', '/insights.csv', DAN).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toContain(
        'skill-exchange-insights.csv',
      );
      const lines = res.text.trim().split('\r\n');
      expect(lines[0]).toBe(
        'skill,category,supply,helpers,learners,demand,gap',
      );
      expect(lines).toContain('Python,language,1,0,0,0,-1');
      await request(sx.server).get(`${API}/insights.csv`).expect(401);
    });

    it('leaves out of "posts for me" what I already applied to or joined', async () => {
      const ids = async (kind = '') =>
        (
          await sx
            .call('get', `/matches/me${kind ? `?kind=${kind}` : ''}`, BEN)
            .expect(200)
        ).body.items.map((m: any) => m.post.id);
      const hack = (
        await sx
          .call('post', '/posts', CARA)
          .send({ kind: 'hack', title: 'Go profiler', skills: ['go'] })
          .expect(201)
      ).body;
      expect(await ids('hack')).toEqual([hack.id]);
      await sx
        .call('post', `/posts/${hack.id}/members`, BEN)
        .send({})
        .expect(201);
      expect(await ids('hack')).toEqual([]);

      const embed = (
        await sx
          .call('post', '/posts', ANNA)
          .send({
            kind: 'embed',
            title: 'Go on the edge',
            skills: ['Go'],
            team: 'group:default/backend',
            start: '2027-Q2',
            durationWeeks: 2,
            location: 'remote',
          })
          .expect(201)
      ).body;
      expect(await ids()).toContain(embed.id);
      const interest = (
        await sx
          .call('post', `/posts/${embed.id}/interests`, BEN)
          .send({})
          .expect(201)
      ).body;
      expect(await ids()).not.toContain(embed.id);
      // Withdrawn, it is an opportunity again.
      await sx
        .call('post', `/interests/${interest.id}/withdraw`, BEN)
        .send({})
        .expect(200);
      expect(await ids()).toContain(embed.id);
      await sx.call('delete', `/posts/${hack.id}`, CARA).expect(204);
      await sx.call('delete', `/posts/${embed.id}`, ANNA).expect(204);
    });
  },
);
