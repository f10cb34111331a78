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

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'taxonomy and hack events on %s',
  databaseId => {
    let server: any;
    const api = '/api/skill-exchange';
    const skillNamed = async (q: string) => {
      const res = await request(server)
        .get(`${api}/skills?q=${encodeURIComponent(q)}`)
        .set('authorization', as(BEN))
        .expect(200);
      return res.body.find(
        (s: any) =>
          s.name.toLowerCase() === q.toLowerCase() ||
          s.aliases.includes(q.toLowerCase()),
      );
    };

    beforeAll(async () => {
      const backend = await startSkillExchangeBackend({
        databases,
        databaseId,
        policy: adminPolicy({ ownersOnly: false }),
        entities: ['anna', 'ben', 'cara', 'admin'].map(name =>
          catalogUser(name),
        ),
      });
      server = backend.server;
    });

    it('renames a skill, keeping the old name working as an alias', async () => {
      const go = await skillNamed('Go');
      const post = (
        await request(server)
          .post(`${api}/posts`)
          .set('authorization', as(ANNA))
          .send({ kind: 'hack', title: 'Go fuzzing', skills: ['go'] })
          .expect(201)
      ).body;
      const body = {
        name: 'Go language',
        category: 'language',
        description: 'The Go programming language',
        aliases: ['golang'],
      };

      await request(server)
        .put(`${api}/skills/${go.id}`)
        .set('authorization', as(BEN))
        .send(body)
        .expect(403);
      await request(server)
        .put(`${api}/skills/${go.id}`)
        .set('authorization', as(ADMIN))
        .send({ ...body, colour: 'blue' })
        .expect(400);
      await request(server)
        .put(`${api}/skills/${go.id}`)
        .set('authorization', as(ADMIN))
        .send({ ...body, name: 'python' })
        .expect(409);
      await request(server)
        .put(`${api}/skills/987654`)
        .set('authorization', as(ADMIN))
        .send(body)
        .expect(404);
      expect((await skillNamed('Go')).name).toBe('Go');

      const renamed = await request(server)
        .put(`${api}/skills/${go.id}`)
        .set('authorization', as(ADMIN))
        .send(body)
        .expect(200);
      expect(renamed.body).toMatchObject({
        id: go.id,
        name: 'Go language',
        aliases: ['go', 'golang'],
      });
      const reread = await request(server)
        .get(`${api}/posts/${post.id}`)
        .set('authorization', as(ANNA))
        .expect(200);
      expect(reread.body.skills).toEqual(['Go language']);
      const found = await request(server)
        .get(`${api}/posts?skills=GO`)
        .set('authorization', as(ANNA))
        .expect(200);
      expect(found.body.items.map((p: any) => p.id)).toContain(post.id);
    });

    it('merges a skill into another: posts, profiles and names move over', async () => {
      await request(server)
        .post(`${api}/skills`)
        .set('authorization', as(ADMIN))
        .send({
          name: 'Gopher craft',
          category: 'language',
          aliases: ['gophering'],
        })
        .expect(201);
      const source = await skillNamed('Gopher craft');
      const post = (
        await request(server)
          .post(`${api}/posts`)
          .set('authorization', as(ANNA))
          .send({ kind: 'hack', title: 'Gopher day', skills: ['gophering'] })
          .expect(201)
      ).body;
      await request(server)
        .put(`${api}/profiles/me`)
        .set('authorization', as(BEN))
        .send({
          skills: [
            { skill: 'Gopher craft', level: 5, canHelp: true },
            { skill: 'golang', level: 3 },
          ],
        })
        .expect(200);

      await request(server)
        .post(`${api}/skills/${source.id}/merge`)
        .set('authorization', as(BEN))
        .send({ into: 'golang' })
        .expect(403);
      await request(server)
        .post(`${api}/skills/${source.id}/merge`)
        .set('authorization', as(ADMIN))
        .send({ into: 'no such skill' })
        .expect(400);
      await request(server)
        .post(`${api}/skills/${source.id}/merge`)
        .set('authorization', as(ADMIN))
        .send({ into: 'gophering' })
        .expect(400);

      const merged = await request(server)
        .post(`${api}/skills/${source.id}/merge`)
        .set('authorization', as(ADMIN))
        .send({ into: 'golang' })
        .expect(200);
      expect(merged.body.name).toBe('Go language');
      expect(merged.body.aliases).toEqual(
        expect.arrayContaining(['gopher craft', 'gophering']),
      );
      expect((await skillNamed('gophering')).name).toBe('Go language');
      const reread = await request(server)
        .get(`${api}/posts/${post.id}`)
        .set('authorization', as(ANNA))
        .expect(200);
      expect(reread.body.skills).toEqual(['Go language']);
      const profile = await request(server)
        .get(`${api}/profiles/${encodeURIComponent(BEN)}`)
        .set('authorization', as(ANNA))
        .expect(200);
      expect(profile.body.skills).toEqual([
        expect.objectContaining({ skill: 'Go language', level: 5 }),
      ]);
      await request(server)
        .post(`${api}/skills/${source.id}/merge`)
        .set('authorization', as(ADMIN))
        .send({ into: 'golang' })
        .expect(404);
    });

    it('lets organisers edit events with versions, and moderators delete them', async () => {
      const event = (
        await request(server)
          .post(`${api}/events`)
          .set('authorization', as(ANNA))
          .send({
            name: 'HacktoberFest 2026',
            startsOn: '2026-10-12',
            endsOn: '2026-10-16',
            organisers: [CARA],
          })
          .expect(201)
      ).body;
      expect(event).toMatchObject({
        createdBy: ANNA,
        organisers: [CARA],
        version: 1,
      });
      const hack = (
        await request(server)
          .post(`${api}/posts`)
          .set('authorization', as(BEN))
          .send({
            kind: 'hack',
            title: 'Event hack',
            skills: [],
            eventId: event.id,
          })
          .expect(201)
      ).body;
      const edit = {
        name: 'HacktoberFest 2026',
        description: 'A week of hacks',
        startsOn: '2026-10-12',
        endsOn: '2026-10-17',
        organisers: [CARA],
      };

      await request(server)
        .put(`${api}/events/${event.id}`)
        .set('authorization', as(BEN))
        .send({ ...edit, version: 1 })
        .expect(403);
      await request(server)
        .put(`${api}/events/${event.id}`)
        .set('authorization', as(CARA))
        .send({ ...edit, endsOn: '2026-10-01', version: 1 })
        .expect(400);
      await request(server)
        .put(`${api}/events/${event.id}`)
        .set('authorization', as(CARA))
        .send({ ...edit })
        .expect(400);
      const saved = await request(server)
        .put(`${api}/events/${event.id}`)
        .set('authorization', as(CARA))
        .send({ ...edit, version: 1 })
        .expect(200);
      expect(saved.body).toMatchObject({
        endsOn: '2026-10-17',
        description: 'A week of hacks',
        version: 2,
      });
      await request(server)
        .put(`${api}/events/${event.id}`)
        .set('authorization', as(ANNA))
        .send({ ...edit, name: 'Stale', version: 1 })
        .expect(409);
      const reread = await request(server)
        .get(`${api}/events/${event.id}`)
        .set('authorization', as(BEN))
        .expect(200);
      expect(reread.body.name).toBe('HacktoberFest 2026');

      await request(server)
        .delete(`${api}/events/${event.id}`)
        .set('authorization', as(BEN))
        .expect(403);
      await request(server)
        .delete(`${api}/events/${event.id}`)
        .set('authorization', as(ADMIN))
        .expect(204);
      await request(server)
        .get(`${api}/events/${event.id}`)
        .set('authorization', as(BEN))
        .expect(404);
      const orphan = await request(server)
        .get(`${api}/posts/${hack.id}`)
        .set('authorization', as(BEN))
        .expect(200);
      expect(orphan.body.eventId).toBeUndefined();
      await request(server)
        .put(`${api}/events/987654`)
        .set('authorization', as(ANNA))
        .send({ ...edit, version: 1 })
        .expect(404);
    });
  },
);
