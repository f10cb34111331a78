import { TestDatabases } from '@backstage/backend-test-utils';
import {
  ADMIN,
  adminPolicy,
  ANNA,
  BEN,
  CARA,
  catalogUser,
  useSkillExchangeBackend,
} from './__testUtils__';

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'taxonomy and hack events on %s',
  databaseId => {
    const sx = useSkillExchangeBackend(databases, databaseId, {
      policy: adminPolicy({ ownersOnly: false }),
      entities: ['anna', 'ben', 'cara', 'admin'].map(name => catalogUser(name)),
    });
    const skillNamed = async (q: string) => {
      const res = await sx
        .call('get', `/skills?q=${encodeURIComponent(q)}`, BEN)
        .expect(200);
      return res.body.find(
        (s: any) =>
          s.name.toLowerCase() === q.toLowerCase() ||
          s.aliases.includes(q.toLowerCase()),
      );
    };

    it('renames a skill, keeping the old name working as an alias', async () => {
      const go = await skillNamed('Go');
      const post = (
        await sx
          .call('post', '/posts', ANNA)
          .send({ kind: 'hack', title: 'Go fuzzing', skills: ['go'] })
          .expect(201)
      ).body;
      const body = {
        name: 'Go language',
        category: 'language',
        description: 'The Go programming language',
        aliases: ['golang'],
      };

      await sx.call('put', `/skills/${go.id}`, BEN).send(body).expect(403);
      await sx
        .call('put', `/skills/${go.id}`, ADMIN)
        .send({ ...body, colour: 'blue' })
        .expect(400);
      await sx
        .call('put', `/skills/${go.id}`, ADMIN)
        .send({ ...body, name: 'python' })
        .expect(409);
      await sx.call('put', '/skills/987654', ADMIN).send(body).expect(404);
      expect((await skillNamed('Go')).name).toBe('Go');

      const renamed = await sx
        .call('put', `/skills/${go.id}`, ADMIN)
        .send(body)
        .expect(200);
      expect(renamed.body).toMatchObject({
        id: go.id,
        name: 'Go language',
        aliases: ['go', 'golang'],
      });
      const reread = await sx
        .call('get', `/posts/${post.id}`, ANNA)
        .expect(200);
      expect(reread.body.skills).toEqual(['Go language']);
      const found = await sx.call('get', '/posts?skills=GO', ANNA).expect(200);
      expect(found.body.items.map((p: any) => p.id)).toContain(post.id);
    });

    it('merges a skill into another: posts, profiles and names move over', async () => {
      await sx
        .call('post', '/skills', ADMIN)
        .send({
          name: 'Gopher craft',
          category: 'language',
          aliases: ['gophering'],
        })
        .expect(201);
      const source = await skillNamed('Gopher craft');
      const post = (
        await sx
          .call('post', '/posts', ANNA)
          .send({ kind: 'hack', title: 'Gopher day', skills: ['gophering'] })
          .expect(201)
      ).body;
      await sx
        .call('put', '/profiles/me', BEN)
        .send({
          skills: [
            { skill: 'Gopher craft', level: 5, canHelp: true },
            { skill: 'golang', level: 3 },
          ],
        })
        .expect(200);

      await sx
        .call('post', `/skills/${source.id}/merge`, BEN)
        .send({ into: 'golang' })
        .expect(403);
      await sx
        .call('post', `/skills/${source.id}/merge`, ADMIN)
        .send({ into: 'no such skill' })
        .expect(400);
      await sx
        .call('post', `/skills/${source.id}/merge`, ADMIN)
        .send({ into: 'gophering' })
        .expect(400);

      const merged = await sx
        .call('post', `/skills/${source.id}/merge`, ADMIN)
        .send({ into: 'golang' })
        .expect(200);
      expect(merged.body.name).toBe('Go language');
      expect(merged.body.aliases).toEqual(
        expect.arrayContaining(['gopher craft', 'gophering']),
      );
      expect((await skillNamed('gophering')).name).toBe('Go language');
      const reread = await sx
        .call('get', `/posts/${post.id}`, ANNA)
        .expect(200);
      expect(reread.body.skills).toEqual(['Go language']);
      const profile = await sx
        .call('get', `/profiles/${encodeURIComponent(BEN)}`, ANNA)
        .expect(200);
      expect(profile.body.skills).toEqual([
        expect.objectContaining({ skill: 'Go language', level: 5 }),
      ]);
      await sx
        .call('post', `/skills/${source.id}/merge`, ADMIN)
        .send({ into: 'golang' })
        .expect(404);
    });

    it('lets organisers edit events with versions, and moderators delete them', async () => {
      const event = (
        await sx
          .call('post', '/events', ANNA)
          .send({
            name: 'HacktoberFest 2099',
            startsOn: '2099-10-12',
            endsOn: '2099-10-16',
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
        await sx
          .call('post', '/posts', BEN)
          .send({
            kind: 'hack',
            title: 'Event hack',
            skills: [],
            eventId: event.id,
          })
          .expect(201)
      ).body;
      const edit = {
        name: 'HacktoberFest 2099',
        description: 'A week of hacks',
        startsOn: '2099-10-12',
        endsOn: '2099-10-17',
        organisers: [CARA],
      };

      await sx
        .call('put', `/events/${event.id}`, BEN)
        .send({ ...edit, version: 1 })
        .expect(403);
      await sx
        .call('put', `/events/${event.id}`, CARA)
        .send({ ...edit, endsOn: '2099-10-01', version: 1 })
        .expect(400);
      await sx
        .call('put', `/events/${event.id}`, CARA)
        .send({ ...edit })
        .expect(400);
      const saved = await sx
        .call('put', `/events/${event.id}`, CARA)
        .send({ ...edit, version: 1 })
        .expect(200);
      expect(saved.body).toMatchObject({
        endsOn: '2099-10-17',
        description: 'A week of hacks',
        version: 2,
      });
      await sx
        .call('put', `/events/${event.id}`, ANNA)
        .send({ ...edit, name: 'Stale', version: 1 })
        .expect(409);
      const reread = await sx
        .call('get', `/events/${event.id}`, BEN)
        .expect(200);
      expect(reread.body.name).toBe('HacktoberFest 2099');

      await sx.call('delete', `/events/${event.id}`, BEN).expect(403);
      await sx.call('delete', `/events/${event.id}`, ADMIN).expect(204);
      await sx.call('get', `/events/${event.id}`, BEN).expect(404);
      const orphan = await sx.call('get', `/posts/${hack.id}`, BEN).expect(200);
      expect(orphan.body.eventId).toBeUndefined();
      await sx
        .call('put', '/events/987654', ANNA)
        .send({ ...edit, version: 1 })
        .expect(404);
    });
  },
);
