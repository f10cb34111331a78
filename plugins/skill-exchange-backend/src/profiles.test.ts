import { TestDatabases } from '@backstage/backend-test-utils';
import {
  ADMIN,
  ANNA,
  BEN,
  CARA,
  ownersOnlyOrg,
  useSkillExchangeBackend,
} from './__testUtils__';

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'skill exchange profiles, experts and skills API on %s',
  databaseId => {
    const sx = useSkillExchangeBackend(databases, databaseId, ownersOnlyOrg());

    it('keeps profiles per user, with catalog facts, levels and versions', async () => {
      const empty = await sx.call('get', '/profiles/me', ANNA).expect(200);
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
      const saved = await sx
        .call('put', '/profiles/me', ANNA)
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
      await sx
        .call('put', '/profiles/me', ANNA)
        .send({ bio: 'stale', version: 0 })
        .expect(409);
      await sx
        .call('put', '/profiles/me', ANNA)
        .send({ skills: [{ skill: 'Go', level: 9 }] })
        .expect(400);
      const seenByBen = await sx
        .call('get', `/profiles/${encodeURIComponent(ANNA)}`, BEN)
        .expect(200);
      expect(seenByBen.body.bio).toBe('Backend person');
      await sx
        .call('get', '/profiles/user%3Adefault%2Fnobody', BEN)
        .expect(404);
      await sx.call('get', '/profiles/not-a-ref', BEN).expect(400);
    });

    it('finds experts who have all the skills at the level, best first', async () => {
      await sx
        .call('put', '/profiles/me', CARA)
        .send({
          skills: [
            { skill: 'Go', level: 5, canHelp: true },
            { skill: 'PostgreSQL', level: 5 },
          ],
        })
        .expect(200);
      await sx
        .call('put', '/profiles/me', BEN)
        .send({ skills: [{ skill: 'Go', level: 2 }] })
        .expect(200);
      const experts = await sx
        .call('get', '/experts?skills=go,postgres&minLevel=3', BEN)
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
      const helpers = await sx.call(
        'get',
        '/experts?skills=go&canHelp=true&team=group:default/backend',
        BEN,
      );
      expect(helpers.body.items.map((e: any) => e.user)).toEqual([CARA, ANNA]);
      await sx.call('get', '/experts', BEN).expect(400);
    });

    it('lets only taxonomy managers add skills, and finds them by alias', async () => {
      const skill = {
        name: 'Backstage Plugins',
        category: 'framework',
        aliases: ['bs-plugins'],
      };
      await sx.call('post', '/skills', ANNA).send(skill).expect(403);
      await sx.call('post', '/skills', ADMIN).send(skill).expect(201);
      await sx.call('post', '/skills', ADMIN).send(skill).expect(409);
      const found = await sx.call('get', '/skills?q=bs-plug', ANNA);
      expect(found.body.map((s: any) => s.name)).toEqual(['Backstage Plugins']);
    });
  },
);
