import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  ANNA,
  as,
  BEN,
  CARA,
  catalogUser,
  DAN,
  startSkillExchangeBackend,
} from './__testUtils__';

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'matching and insights on %s',
  databaseId => {
    let server: any;
    const api = '/api/skill-exchange';
    let embedId: number;

    beforeAll(async () => {
      const backend = await startSkillExchangeBackend({
        databases,
        databaseId,
        entities: [
          catalogUser('anna'),
          catalogUser('ben', { group: 'client' }),
          catalogUser('cara'),
          catalogUser('dan', { group: 'data' }),
        ],
      });
      server = backend.server;

      const profile = (ref: string, body: object) =>
        request(server)
          .put(`${api}/profiles/me`)
          .set('authorization', as(ref))
          .send(body)
          .expect(200);
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
        (
          await request(server)
            .post(`${api}/posts`)
            .set('authorization', as(owner))
            .send(body)
            .expect(201)
        ).body;
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
      await request(server)
        .post(`${api}/posts/${closed.id}/status`)
        .set('authorization', as(CARA))
        .send({ status: 'closed', version: closed.version })
        .expect(200);
    });

    it('ranks people for a post with the reason, leaving the owner out', async () => {
      const res = await request(server)
        .get(`${api}/posts/${embedId}/matches`)
        .set('authorization', as(CARA))
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

      const second = await request(server)
        .get(`${api}/posts/${embedId}/matches?limit=1&offset=1`)
        .set('authorization', as(CARA))
        .expect(200);
      expect(second.body).toMatchObject({
        totalItems: 2,
        limit: 1,
        offset: 1,
        items: [{ user: CARA }],
      });
    });

    it('ranks open posts for me with the reason, not mine and not closed', async () => {
      // A hack that is completed but was never closed is no opportunity.
      const done = (
        await request(server)
          .post(`${api}/posts`)
          .set('authorization', as(CARA))
          .send({
            kind: 'hack',
            title: 'Finished Go linter',
            skills: ['go'],
            stage: 'completed',
          })
          .expect(201)
      ).body;
      const res = await request(server)
        .get(`${api}/matches/me`)
        .set('authorization', as(BEN))
        .expect(200);
      expect(res.body.totalItems).toBe(1);
      const [match] = res.body.items;
      expect(match.post).toMatchObject({ id: embedId, kind: 'embed' });
      // learning Kubernetes 3 + Go at 4
      expect(match.score).toBe(7);
      expect(match.reason.learningGoals).toEqual(['Kubernetes']);
      expect(match.reason.matchedSkills).toEqual([
        { skill: 'Go', level: 4, canHelp: true },
      ]);

      const hacks = await request(server)
        .get(`${api}/matches/me?kind=hack`)
        .set('authorization', as(BEN))
        .expect(200);
      expect(hacks.body).toMatchObject({ items: [], totalItems: 0 });

      const nobody = await request(server)
        .get(`${api}/matches/me`)
        .set('authorization', as('user:default/nobody'))
        .expect(200);
      expect(nobody.body.totalItems).toBe(0);
      await request(server)
        .delete(`${api}/posts/${done.id}`)
        .set('authorization', as(CARA))
        .expect(204);
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
        await request(server)
          .get(`${api}${path}`)
          .set('authorization', as(BEN))
          .expect(400);
      }
      await request(server)
        .get(`${api}/posts/987654/matches`)
        .set('authorization', as(BEN))
        .expect(404);
      await request(server).get(`${api}/matches/me`).expect(401);
    });

    it('reports supply and demand, post counts, time to fill and active users', async () => {
      const embed = (
        await request(server)
          .get(`${api}/posts/${embedId}`)
          .set('authorization', as(ANNA))
          .expect(200)
      ).body;
      const before = (
        await request(server)
          .get(`${api}/insights`)
          .set('authorization', as(DAN))
          .expect(200)
      ).body;
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

      await request(server)
        .post(`${api}/posts/${embedId}/status`)
        .set('authorization', as(ANNA))
        .send({ status: 'filled', version: embed.version })
        .expect(200);
      const after = (
        await request(server)
          .get(`${api}/insights?top=1`)
          .set('authorization', as(DAN))
          .expect(200)
      ).body;
      expect(after.skills).toHaveLength(1);
      expect(after.timeToFill).toEqual([
        { kind: 'embed', filled: 1, meanDays: 0 },
      ]);
      expect(after.posts).toEqual(
        expect.arrayContaining([{ kind: 'embed', status: 'filled', count: 1 }]),
      );

      await request(server)
        .get(`${api}/insights?top=0`)
        .set('authorization', as(DAN))
        .expect(400);
      await request(server)
        .get(`${api}/insights?sort=x`)
        .set('authorization', as(DAN))
        .expect(400);
    });

    it('exports the supply and demand table as CSV', async () => {
      const res = await request(server)
        .get(`${api}/insights.csv`)
        .set('authorization', as(DAN))
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toContain(
        'skill-exchange-insights.csv',
      );
      const lines = res.text.trim().split('\r\n');
      expect(lines[0]).toBe(
        'skill,category,supply,helpers,learners,demand,gap',
      );
      expect(lines).toContain('Python,language,1,0,0,0,-1');
      await request(server).get(`${api}/insights.csv`).expect(401);
    });
  },
);
