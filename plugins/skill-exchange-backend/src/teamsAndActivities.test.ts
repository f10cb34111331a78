import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  ANNA,
  API,
  as,
  BEN,
  CARA,
  catalogGroup,
  catalogUser,
  DAN,
  useSkillExchangeBackend,
} from './__testUtils__';

const user = (name: string, group: string) =>
  catalogUser(name, { group, displayName: name.toUpperCase() });

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'team skills and growth activities on %s',
  databaseId => {
    const sx = useSkillExchangeBackend(databases, databaseId, {
      entities: [
        user('anna', 'backend'),
        user('ben', 'backend'),
        user('cara', 'client'),
        user('dan', 'client'),
        catalogGroup('engineering', [], ['backend', 'client']),
        catalogGroup('backend', [ANNA, BEN], [], 'engineering'),
        catalogGroup('client', [CARA, DAN], [], 'engineering'),
        catalogGroup('empty', []),
      ],
    });

    beforeAll(async () => {
      const profile = (ref: string, body: object) =>
        sx.call('put', '/profiles/me', ref).send(body).expect(200);
      await profile(ANNA, {
        skills: [
          { skill: 'Go', level: 5, canHelp: true },
          { skill: 'Kubernetes', level: 3 },
        ],
        learning: ['Rust'],
      });
      await profile(BEN, {
        skills: [
          { skill: 'Go', level: 2 },
          { skill: 'Java', level: 4, canHelp: true },
        ],
        learning: ['Kubernetes', 'Rust'],
      });
      await profile(CARA, {
        skills: [{ skill: 'Kotlin', level: 5, canHelp: true }],
        learning: ['Go'],
      });
      // Dan has no profile: a member, but not counted among profiles.
    });

    const create = async (owner: string, body: object) =>
      (await sx.call('post', '/posts', owner).send(body).expect(201)).body;

    const teamSkills = (groupRef: string, who = ANNA) =>
      request(sx.server)
        .get(`${API}/teams/skills`)
        .query({ group: groupRef })
        .set('authorization', as(who));

    it('adds up the skills of a team, level by level, with the gaps of its open posts', async () => {
      // Open posts of the backend team: an embed it hosts, a hack by a member.
      await create(CARA, {
        kind: 'embed',
        title: 'Embed with backend on the Go services',
        skills: ['Go', 'Terraform'],
        team: 'group:default/backend',
        start: '2027-Q1',
        durationWeeks: 4,
        location: 'remote',
      });
      await create(BEN, {
        kind: 'hack',
        title: 'A Terraform and Rust hack',
        skills: ['Terraform', 'Rust'],
      });
      // Closed posts are no demand.
      const closed = await create(ANNA, {
        kind: 'hack',
        title: 'An old GraphQL hack',
        skills: ['GraphQL'],
      });
      await sx
        .call('post', `/posts/${closed.id}/status`, ANNA)
        .send({ status: 'closed', version: 1 })
        .expect(200);

      const res = await teamSkills('Group:default/Backend').expect(200);
      expect(res.body).toMatchObject({
        group: 'group:default/backend',
        groups: ['group:default/backend'],
        members: 2,
        profiles: 2,
        gaps: ['Terraform', 'Rust'],
      });
      const bySkill = Object.fromEntries(
        res.body.skills.map((s: any) => [s.skill, s]),
      );
      expect(bySkill.Go).toEqual({
        skill: 'Go',
        category: 'language',
        members: 2,
        levels: [0, 1, 0, 0, 1],
        helpers: 1,
        learning: 0,
        demand: 1,
      });
      expect(bySkill.Kubernetes).toMatchObject({
        members: 1,
        levels: [0, 0, 1, 0, 0],
        learning: 1,
        demand: 0,
      });
      // Learned by both, but nobody has a level in it: still a gap.
      expect(bySkill.Rust).toMatchObject({
        members: 0,
        learning: 2,
        demand: 1,
      });
      expect(bySkill.Terraform).toMatchObject({ members: 0, demand: 2 });
      expect(bySkill.GraphQL).toBeUndefined();
      expect(bySkill.Kotlin).toBeUndefined();
      // Most members first, then the stronger (sum of levels): Java (4) before Kubernetes (3).
      expect(res.body.skills.map((s: any) => s.skill).slice(0, 3)).toEqual([
        'Go',
        'Java',
        'Kubernetes',
      ]);
    });

    it('counts the members of child groups for a parent group', async () => {
      const res = await teamSkills('group:default/engineering').expect(200);
      expect(res.body.groups).toEqual([
        'group:default/engineering',
        'group:default/backend',
        'group:default/client',
      ]);
      expect(res.body).toMatchObject({ members: 4, profiles: 3 });
      const go = res.body.skills.find((s: any) => s.skill === 'Go');
      expect(go).toMatchObject({ members: 2, learning: 1 });
      expect(res.body.skills.find((s: any) => s.skill === 'Kotlin')).toEqual(
        expect.objectContaining({ members: 1, levels: [0, 0, 0, 0, 1] }),
      );
    });

    it('answers an empty team with no skills, an unknown group with 404 and bad input with 400', async () => {
      expect(
        (await teamSkills('group:default/empty').expect(200)).body,
      ).toEqual({
        group: 'group:default/empty',
        groups: ['group:default/empty'],
        members: 0,
        profiles: 0,
        skills: [],
        gaps: [],
      });
      const missing = await teamSkills('group:default/nope');
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toContain('No group');
      for (const query of [
        { group: 'user:default/anna' },
        { group: 'backend' },
        { group: "group:default/x'; drop table posts; --" },
        {},
        { group: 'group:default/backend', extra: '1' },
      ]) {
        const res = await request(sx.server)
          .get(`${API}/teams/skills`)
          .query(query)
          .set('authorization', as(ANNA));
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
      }
      await request(sx.server)
        .get(`${API}/teams/skills`)
        .query({ group: 'group:default/backend' })
        .expect(401);
    });

    it('lists growth activities newest first, paged, for anyone to read', async () => {
      const activities = (ref: string, query: object = {}, who = ANNA) =>
        request(sx.server)
          .get(`${API}/profiles/${encodeURIComponent(ref)}/activities`)
          .query(query)
          .set('authorization', as(who));

      // Dan: accepted on a mentorship, declined on an embed, joins a hack,
      // withdraws from another; owns an embed that gets filled.
      const mentorship = await create(ANNA, {
        kind: 'mentorship',
        title: 'Go mentoring',
        mode: 'offering',
        skills: ['Go'],
      });
      const declinedEmbed = await create(BEN, {
        kind: 'embed',
        title: 'Java embed',
        skills: ['Java'],
        team: 'group:default/backend',
        start: '2027-Q2',
        durationWeeks: 2,
        location: 'office',
      });
      const hack = await create(CARA, {
        kind: 'hack',
        title: 'Kotlin hack',
        skills: ['Kotlin'],
      });
      const danEmbed = await create(DAN, {
        kind: 'embed',
        title: 'Dan hosts an embed',
        skills: ['Kotlin'],
        team: 'group:default/client',
        start: '2027-Q1',
        durationWeeks: 2,
        location: 'remote',
      });
      const interest = async (postId: number) =>
        (
          await sx
            .call('post', `/posts/${postId}/interests`, DAN)
            .send({ message: 'me please' })
            .expect(201)
        ).body;
      const accepted = await interest(mentorship.id);
      await sx
        .call('post', `/interests/${accepted.id}/accept`, ANNA)
        .send({})
        .expect(200);
      const declined = await interest(declinedEmbed.id);
      await sx
        .call('post', `/interests/${declined.id}/decline`, BEN)
        .send({})
        .expect(200);
      await new Promise(r => setTimeout(r, 5));
      await sx
        .call('post', `/posts/${hack.id}/members`, DAN)
        .send({})
        .expect(201);
      await new Promise(r => setTimeout(r, 5));
      await sx
        .call('post', `/posts/${danEmbed.id}/status`, DAN)
        .send({ status: 'filled', version: 1 })
        .expect(200);

      const all = await activities(DAN).expect(200);
      expect(all.body.totalItems).toBe(3);
      expect(
        all.body.items.map((a: any) => [a.type, a.post.title, a.post.kind]),
      ).toEqual([
        ['filled', 'Dan hosts an embed', 'embed'],
        ['joined', 'Kotlin hack', 'hack'],
        ['accepted', 'Go mentoring', 'mentorship'],
      ]);
      expect(Date.parse(all.body.items[0].at)).toBeGreaterThanOrEqual(
        Date.parse(all.body.items[1].at),
      );

      // Paged in SQL, the total stays.
      const second = await activities(DAN, { limit: 1, offset: 1 }).expect(200);
      expect(second.body).toMatchObject({ totalItems: 3, limit: 1, offset: 1 });
      expect(second.body.items.map((a: any) => a.post.title)).toEqual([
        'Kotlin hack',
      ]);

      // `me` is the signed-in user; leaving the hack removes it.
      await sx.call('delete', `/posts/${hack.id}/members/me`, DAN).expect(200);
      const mine = await activities('me', {}, DAN).expect(200);
      expect(mine.body.items.map((a: any) => a.type)).toEqual([
        'filled',
        'accepted',
      ]);

      // Nothing done yet is an empty page, not an error.
      expect((await activities(BEN).expect(200)).body).toMatchObject({
        items: [],
        totalItems: 0,
      });
    });

    it('rejects bad refs and paging with 400 and unknown people with 404', async () => {
      for (const [ref, query] of [
        ['group:default/backend', {}],
        ['anna', {}],
        [DAN, { limit: '500' }],
        [DAN, { offset: '-3' }],
        [DAN, { kind: 'hack' }],
      ] as const) {
        const res = await request(sx.server)
          .get(`${API}/profiles/${encodeURIComponent(ref)}/activities`)
          .query(query)
          .set('authorization', as(ANNA));
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
      }
      await sx
        .call(
          'get',
          `/profiles/${encodeURIComponent('user:default/nobody')}/activities`,
          ANNA,
        )
        .expect(404);
    });
  },
);
