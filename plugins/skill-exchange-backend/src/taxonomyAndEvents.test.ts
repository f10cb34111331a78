import {
  BackstageCredentials,
  BackstageUserPrincipal,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  skillExchangePostModeratePermission,
  skillExchangeTaxonomyManagePermission,
} from '@onramp/backstage-plugin-skill-exchange-common';
import request from 'supertest';
import { skillExchangePlugin } from './plugin';

const ANNA = 'user:default/anna';
const BEN = 'user:default/ben';
const CARA = 'user:default/cara';
const ADMIN = 'user:default/admin';

const user = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf: ['backend'] },
  relations: [{ type: 'memberOf', targetRef: 'group:default/backend' }],
});

/** Only the admin moderates and manages the taxonomy; everything else is allowed. */
const permissions = {
  async authorize(
    requests: Array<{ permission: { name: string } }>,
    options: { credentials: BackstageCredentials },
  ) {
    const ref = (options.credentials.principal as BackstageUserPrincipal)
      .userEntityRef;
    return requests.map(({ permission }) => ({
      result:
        [
          skillExchangePostModeratePermission.name,
          skillExchangeTaxonomyManagePermission.name,
        ].includes(permission.name) && ref !== ADMIN
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    }));
  },
  async authorizeConditional(requests: unknown[]) {
    return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
  },
};

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'taxonomy and hack events on %s',
  databaseId => {
    let server: any;
    const as = (ref: string) => mockCredentials.user.header(ref);
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
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          skillExchangePlugin,
          mockServices.database.factory({ knex }),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
          mockServices.permissions.mock(permissions as any).factory,
          catalogServiceMock.factory({
            entities: ['anna', 'ben', 'cara', 'admin'].map(user),
          }),
          createServiceFactory({
            service: notificationService,
            deps: {},
            factory: () => ({ async send() {} }),
          }),
        ],
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
